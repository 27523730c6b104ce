import { applyCatalogChange } from '../catalog/catalog-change';
import type { SkuCatalogEntry } from '../catalog/fulfilment-vector';
import { SkuCatalog } from '../catalog/sku-catalog';
import type { PlanningLine, PlanningOrder } from '../planning/dispatch-input';
import type { ComparableAddress } from '../related/address-normaliser';

/** Test fixtures: the field scenario's warehouses and SKUs, one customer, a fixed clock. Test-only. */

/** The fixed "now" of the tests: 2026-01-20 14:22:03 in Shanghai, epoch ms. */
export const T0 = Date.parse('2026-01-20T14:22:03.000+08:00');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const OWN_WAREHOUSE = 'WH-OWN-HZ';
export const CLOUD_WAREHOUSE = 'WH-CLOUD-JX';
export const BONDED_WAREHOUSE = 'WH-BONDED-NB';

/** A complete catalog entry. */
export function entry(sku: string, warehouseId: string, slaHours: number, minPackageWeight: number, customsClearanceRequired = false): SkuCatalogEntry {
  return { sku, warehouseId, slaHours, minPackageWeight, customsClearanceRequired };
}

/** The field scenario: own warehouse 24 h, cloud warehouse 48 h, bonded cross-border 72 h. */
export const FIELD_ENTRIES: readonly SkuCatalogEntry[] = [
  entry('SKU-GLASSES-OWN', OWN_WAREHOUSE, 24, 200),
  entry('SKU-CASE-OWN', OWN_WAREHOUSE, 24, 500),
  entry('SKU-LENS-CLOUD', CLOUD_WAREHOUSE, 48, 300),
  entry('SKU-SERUM-BONDED', BONDED_WAREHOUSE, 72, 1000, true),
];

/** A catalog made by one IMPORT of `entries` (version 1), or a failing test if they are malformed. */
export function catalogOf(entries: readonly SkuCatalogEntry[], base: SkuCatalog = SkuCatalog.EMPTY): SkuCatalog {
  const result = applyCatalogChange(base, {
    kind: 'IMPORT', source: 'TEST', entries, changeId: `import-${base.version + 1}`, changedBy: 'ops-1', changedAt: T0, reason: 'test import',
  });
  if (!result.ok) throw new Error(`test catalog is malformed: ${result.problems.join('; ')}`);
  return result.catalog;
}

export const FIELD_CATALOG = catalogOf(FIELD_ENTRIES);

export const ADDRESS: ComparableAddress = { province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文三路100号华星科技大厦1801室' };
export const PHONE = '13800138000';
export const INVOICE_TITLE = '杭州某某眼镜有限公司';

/** A line of `quantity` units of `sku`. */
export function line(lineId: string, sku: string, quantity = 1): PlanningLine {
  return { lineId, sku, quantity };
}

/** An order of customer `cust-42` placed and paid `minute` minutes after T0; override what a test is about. */
export function order(orderId: string, minute: number, lines: readonly PlanningLine[], overrides: Partial<PlanningOrder> = {}): PlanningOrder {
  return {
    orderId, customerId: 'cust-42', placedAt: T0 + minute * MINUTE, paidAt: T0 + minute * MINUTE, lines,
    shippingAddress: ADDRESS, recipientPhone: PHONE, invoiceTitle: INVOICE_TITLE, ...overrides,
  };
}
