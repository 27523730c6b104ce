import { parseCatalogCsv } from './catalog-csv.parser';

const HEADER = 'sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required';

describe('parseCatalogCsv', () => {
  it('reads the four dimensions, with boolean words from the data file and unknown columns ignored', () => {
    const csv = `\uFEFFSKU, Warehouse_ID ,sla_hours,min_package_weight,customs_clearance_required,title\nSKU-1,WH-HZ,24,200,false,glasses\nSKU-2,WH-NB,72,1000,是,"serum, 30ml"\n`;
    expect(parseCatalogCsv(csv)).toEqual({
      ok: true,
      entries: [
        { sku: 'SKU-1', warehouseId: 'WH-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
        { sku: 'SKU-2', warehouseId: 'WH-NB', slaHours: 72, minPackageWeight: 1000, customsClearanceRequired: true },
      ],
      incomplete: [],
    });
  });

  it('accepts blank cells as missing dimensions and lists those rows, so planning blocks on them later', () => {
    const result = parseCatalogCsv(`${HEADER}\nSKU-1,WH-HZ,,200,\n\nSKU-2,WH-HZ,24,200,no\n`);
    expect(result).toEqual({
      ok: true,
      entries: [
        { sku: 'SKU-1', warehouseId: 'WH-HZ', slaHours: null, minPackageWeight: 200, customsClearanceRequired: null },
        { sku: 'SKU-2', warehouseId: 'WH-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
      ],
      incomplete: [{ row: 2, sku: 'SKU-1', missingFields: ['slaHours', 'customsClearanceRequired'] }],
    });
  });

  it('refuses the whole import on malformed rows, each error with its CSV line number', () => {
    const csv = [HEADER, 'SKU-1,WH-HZ,24,200,false', 'SKU-2,WH-HZ,24h,1.5,maybe', ',WH-HZ,24,200,false', 'SKU-1,WH-NB,48,200,false', 'SKU-3,WH-HZ,24'].join('\n');
    const result = parseCatalogCsv(csv);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { row: 3, sku: 'SKU-2', message: 'sla_hours must be a positive integer of hours, got "24h"' },
      { row: 3, sku: 'SKU-2', message: 'min_package_weight must be a non-negative integer of grams, got "1.5"' },
      { row: 3, sku: 'SKU-2', message: 'customs_clearance_required must be one of true/1/yes/y/是/false/0/no/n/否, got "maybe"' },
      { row: 4, sku: null, message: 'sku is required' },
      { row: 5, sku: 'SKU-1', message: 'sku SKU-1 is already listed on row 2' },
      { row: 6, sku: 'SKU-3', message: 'expected 5 cells, got 3' },
    ]);
  });

  it('refuses a header without a required column, and unreadable CSV with the line it broke on', () => {
    const noSla = parseCatalogCsv('sku,warehouse_id,min_package_weight,customs_clearance_required\nA,W,1,false\n');
    expect(!noSla.ok && noSla.errors[0]).toMatchObject({ row: 1, message: expect.stringMatching(/^the header has no slaHours column/) });
    const broken = parseCatalogCsv(`${HEADER}\nA,W,1,1,false\nB,"W,1,1,false\n`);
    // An unclosed quote swallows the rest of the file; csv-parse reports the line where reading stopped.
    expect(!broken.ok && broken.errors).toEqual([{ row: 3, sku: null, message: expect.stringMatching(/^CSV cannot be read: Quote Not Closed/) }]);
    expect(parseCatalogCsv('')).toEqual({ ok: false, errors: [{ row: 1, sku: null, message: 'the CSV has no header line' }] });
  });
});
