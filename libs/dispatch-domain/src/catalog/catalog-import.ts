import { missingFields, type FulfilmentField, type SkuCatalogEntry } from './fulfilment-vector';
import { parseCatalogRow, type CatalogRowError, type RawCatalogRow } from './catalog-row.parser';

/** A SKU imported with blank dimensions: accepted, but planning will block on it with a review item. */
export interface IncompleteCatalogRow {
  readonly row: number;
  readonly sku: string;
  readonly missingFields: readonly FulfilmentField[];
}

/**
 * The outcome of parsing an import. On success, `entries` feed an `IMPORT` catalog change and
 * `incomplete` tells the operator, row by row, which SKUs still lack dimensions. On failure
 * nothing is imported: every malformed row is listed with its row number.
 */
export type CatalogParseResult =
  | { readonly ok: true; readonly entries: SkuCatalogEntry[]; readonly incomplete: IncompleteCatalogRow[] }
  | { readonly ok: false; readonly errors: CatalogRowError[] };

/** Turns numbered raw rows into entries; a SKU listed twice is an error on its second row. */
export function collectCatalogRows(rows: Iterable<{ raw: RawCatalogRow; row: number }>, earlier: CatalogRowError[] = []): CatalogParseResult {
  const errors = [...earlier];
  const entries: SkuCatalogEntry[] = [];
  const incomplete: IncompleteCatalogRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { raw, row } of rows) {
    const parsed = parseCatalogRow(raw, row);
    if ('errors' in parsed) {
      errors.push(...parsed.errors);
      continue;
    }
    const { entry } = parsed;
    const first = firstRowOf.get(entry.sku);
    if (first !== undefined) {
      errors.push({ row, sku: entry.sku, message: `sku ${entry.sku} is already listed on row ${first}` });
      continue;
    }
    firstRowOf.set(entry.sku, row);
    entries.push(entry);
    const missing = missingFields(entry);
    if (missing.length > 0) incomplete.push({ row, sku: entry.sku, missingFields: missing });
  }
  return errors.length > 0 ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, entries, incomplete };
}
