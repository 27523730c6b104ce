import { parseCatalogJson } from './catalog-json.parser';

describe('parseCatalogJson', () => {
  it('reads an array or { skus: [...] }, camelCase or snake_case keys; null or absent means missing', () => {
    const json = JSON.stringify({ skus: [
      { sku: 'SKU-1', warehouseId: 'WH-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
      { sku: 'SKU-2', warehouse_id: 'WH-NB', sla_hours: '72', min_package_weight: 1000, customs_clearance_required: 'yes' },
      { sku: 'SKU-3', warehouseId: 'WH-HZ', slaHours: null, minPackageWeight: 0 },
    ] });
    expect(parseCatalogJson(json)).toEqual({
      ok: true,
      entries: [
        { sku: 'SKU-1', warehouseId: 'WH-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
        { sku: 'SKU-2', warehouseId: 'WH-NB', slaHours: 72, minPackageWeight: 1000, customsClearanceRequired: true },
        { sku: 'SKU-3', warehouseId: 'WH-HZ', slaHours: null, minPackageWeight: 0, customsClearanceRequired: null },
      ],
      incomplete: [{ row: 3, sku: 'SKU-3', missingFields: ['slaHours', 'customsClearanceRequired'] }],
    });
  });

  it('numbers errors by entry (from 1)', () => {
    const json = JSON.stringify([
      { sku: 'SKU-1', warehouseId: 'W', slaHours: 0, minPackageWeight: -1, customsClearanceRequired: 'no' },
      'not an object',
      { sku: 42, warehouseId: 7 },
    ]);
    const result = parseCatalogJson(json);
    expect(!result.ok && result.errors).toEqual([
      { row: 1, sku: 'SKU-1', message: 'sla_hours must be a positive integer of hours, got 0' },
      { row: 1, sku: 'SKU-1', message: 'min_package_weight must be a non-negative integer of grams, got -1' },
      { row: 2, sku: null, message: 'entry 2 is not an object' },
      { row: 3, sku: null, message: 'sku must be text, got 42' },
      { row: 3, sku: null, message: 'warehouse_id must be text' },
    ]);
  });

  it('refuses text that is not JSON or not a list', () => {
    expect(parseCatalogJson('{').ok).toBe(false);
    expect(parseCatalogJson('{"items": []}')).toEqual({ ok: false, errors: [{ row: 0, sku: null, message: 'expected an array of SKU objects or { "skus": [...] }' }] });
  });
});
