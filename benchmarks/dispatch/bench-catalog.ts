import { applyCatalogChange, SkuCatalog, type SkuCatalogEntry } from '@oms/dispatch-domain';
import { between, pick } from './seeded-random';

const SLA_HOURS = [12, 24, 48, 72];

/** `count` SKUs over 20 warehouses (4 of them bonded), 4 SLAs and 0–3 kg minimum package weights. */
export function generateEntries(random: () => number, count: number): SkuCatalogEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const warehouse = between(random, 0, 19);
    return {
      sku: `SKU-${String(index).padStart(6, '0')}`,
      warehouseId: `WH-${String(warehouse).padStart(2, '0')}`,
      slaHours: pick(random, SLA_HOURS),
      minPackageWeight: between(random, 0, 3000),
      customsClearanceRequired: warehouse >= 16,
    };
  });
}

/** The catalog version 1 made by one IMPORT of the entries. */
export function importCatalog(entries: SkuCatalogEntry[], changedAt: number): SkuCatalog {
  const result = applyCatalogChange(SkuCatalog.EMPTY, {
    kind: 'IMPORT', source: 'BENCH', entries, changeId: 'bench-import', changedBy: 'bench', changedAt, reason: 'benchmark catalog',
  });
  if (!result.ok) throw new Error(`benchmark catalog is malformed: ${result.problems.slice(0, 3).join('; ')}`);
  return result.catalog;
}
