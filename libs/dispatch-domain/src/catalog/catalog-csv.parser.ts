import { parse } from 'csv-parse/sync';
import { collectCatalogRows, type CatalogParseResult } from './catalog-import';
import { columnOf, type CatalogColumn, type CatalogRowError, type RawCatalogRow } from './catalog-row.parser';

const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['sku', 'warehouseId', 'slaHours', 'minPackageWeight', 'customsClearanceRequired'];

interface NumberedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Parses a SKU catalog from CSV text (a pure function over a string; reading the file is the
 * caller's job). The first line is the header; column names come from `catalog-columns.data.json`
 * (e.g. `sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required`), unknown
 * columns are ignored. Errors carry the CSV line number (the header is line 1; a quoted cell that
 * spans lines is reported on its last line; an unclosed quote, which swallows the rest of the
 * file, on the line where reading stopped).
 *
 * @example
 * parseCatalogCsv('sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required\nSKU-1,WH-HZ,24,200,false\n');
 * // { ok: true, entries: [{ sku: 'SKU-1', warehouseId: 'WH-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false }], incomplete: [] }
 */
export function parseCatalogCsv(csvText: string): CatalogParseResult {
  let records: NumberedRecord[];
  try {
    records = parse(csvText, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as NumberedRecord[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 0;
    return { ok: false, errors: [{ row: lines, sku: null, message: `CSV cannot be read: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ row: 1, sku: null, message: 'the CSV has no header line' }] };
  const [header, ...body] = records;
  const { columns, errors } = headerColumns(header);
  if (errors.length > 0) return { ok: false, errors };
  const rows = body.map(({ record, info }) => ({ raw: rowOf(record, columns), row: info.lines }));
  const widthErrors = body
    .filter(({ record }) => record.length !== header.record.length)
    .map(({ record, info }) => ({ row: info.lines, sku: record[columns.indexOf('sku')]?.trim() || null, message: `expected ${header.record.length} cells, got ${record.length}` }));
  return collectCatalogRows(rows, widthErrors);
}

function headerColumns(header: NumberedRecord): { columns: (CatalogColumn | undefined)[]; errors: CatalogRowError[] } {
  const columns = header.record.map(columnOf);
  const errors: CatalogRowError[] = [];
  const row = header.info.lines;
  for (const required of REQUIRED_COLUMNS) {
    const count = columns.filter((column) => column === required).length;
    if (count === 0) errors.push({ row, sku: null, message: `the header has no ${required} column (cells: ${header.record.join(', ')})` });
    if (count > 1) errors.push({ row, sku: null, message: `the header names ${required} ${count} times` });
  }
  return { columns, errors };
}

function rowOf(record: string[], columns: (CatalogColumn | undefined)[]): RawCatalogRow {
  const raw: RawCatalogRow = {};
  columns.forEach((column, index) => {
    if (column !== undefined) raw[column] = record[index];
  });
  return raw;
}
