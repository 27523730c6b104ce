/** A SKU the promotion sells, with the fulfilment vector the dispatch engine splits by. */
export interface ScenarioSku {
  sku: string;
  title: string;
  unitPrice: number;
  warehouseId: string;
  slaHours: number;
  minPackageWeight: number;
  customsClearanceRequired: boolean;
}

/**
 * What the promotion sells: three warehouses with different SLAs, so a cart mixing them is a
 * merged cart the dispatch engine must split. `STOCKOUT-GIFT-01` is the SKU the warehouse has
 * none of (the stock-out after payment).
 */
export const SCENARIO_CATALOG: readonly ScenarioSku[] = [
  { sku: 'TEA-LJ-250G', title: '明前西湖龙井 250g 罐装', unitPrice: 12_800, warehouseId: 'WH-HZ-01', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
  { sku: 'CUP-GLASS-01', title: '双层玻璃茶杯 300ml', unitPrice: 3_900, warehouseId: 'WH-HZ-01', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
  { sku: 'KETTLE-EL-1L', title: '电热水壶 1L', unitPrice: 15_900, warehouseId: 'WH-SH-02', slaHours: 48, minPackageWeight: 500, customsClearanceRequired: false },
  { sku: 'TRAY-BAMBOO-L', title: '竹制茶盘 大号', unitPrice: 8_800, warehouseId: 'WH-SH-02', slaHours: 48, minPackageWeight: 500, customsClearanceRequired: false },
  { sku: 'MATCHA-JP-100G', title: '宇治抹茶粉 100g（跨境）', unitPrice: 9_900, warehouseId: 'WH-BONDED-NB', slaHours: 72, minPackageWeight: 100, customsClearanceRequired: true },
];

/** The SKU planted as out of stock. */
export const STOCK_OUT_SKU: ScenarioSku = { sku: 'STOCKOUT-GIFT-01', title: '限量礼盒（已售罄）', unitPrice: 19_900, warehouseId: 'WH-HZ-01', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false };

/** The catalog as the dispatch engine imports it (JSON, keys of `catalog-columns.data.json`). */
export function scenarioCatalogJson(): string {
  return JSON.stringify({ skus: [...SCENARIO_CATALOG, STOCK_OUT_SKU].map(({ sku, warehouseId, slaHours, minPackageWeight, customsClearanceRequired }) => ({ sku, warehouseId, slaHours, minPackageWeight, customsClearanceRequired })) }, null, 2);
}

/** The catalog entry of a SKU. */
export function skuOf(sku: string): ScenarioSku {
  const found = [...SCENARIO_CATALOG, STOCK_OUT_SKU].find((entry) => entry.sku === sku);
  if (!found) throw new Error(`unknown scenario SKU ${sku}`);
  return found;
}
