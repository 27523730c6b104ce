import { collectCatalogRows, type CatalogParseResult } from './catalog-import';
import { columnOf, type RawCatalogRow } from './catalog-row.parser';

/**
 * Parses a SKU catalog from JSON text: an array of objects, or `{ "skus": [...] }`. Keys follow
 * `catalog-columns.data.json` (`warehouse_id` or `warehouseId`…); an absent or `null` value means
 * the dimension is missing. Errors carry the entry number (`row`, counting from 1).
 *
 * @example
 * parseCatalogJson('[{"sku":"SKU-1","warehouseId":"WH-HZ","slaHours":24,"minPackageWeight":200,"customsClearanceRequired":false}]');
 */
export function parseCatalogJson(jsonText: string): CatalogParseResult {
  let document: unknown;
  try {
    document = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, errors: [{ row: 0, sku: null, message: `JSON cannot be read: ${(error as Error).message}` }] };
  }
  const items = Array.isArray(document) ? document : (document as { skus?: unknown } | null)?.skus;
  if (!Array.isArray(items)) {
    return { ok: false, errors: [{ row: 0, sku: null, message: 'expected an array of SKU objects or { "skus": [...] }' }] };
  }
  const notObjects = items.flatMap((item, index) =>
    isObject(item) ? [] : [{ row: index + 1, sku: null, message: `entry ${index + 1} is not an object` }],
  );
  const rows = items.flatMap((item, index) => (isObject(item) ? [{ raw: rowOf(item), row: index + 1 }] : []));
  return collectCatalogRows(rows, notObjects);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowOf(item: Record<string, unknown>): RawCatalogRow {
  const raw: RawCatalogRow = {};
  for (const [key, value] of Object.entries(item)) {
    const column = columnOf(key);
    if (column !== undefined) raw[column] = value;
  }
  return raw;
}
