import rawColumns from './catalog-columns.data.json';
import type { SkuCatalogEntry } from './fulfilment-vector';

/** The five catalog columns under their canonical (camelCase) names. */
export type CatalogColumn = 'sku' | 'warehouseId' | 'slaHours' | 'minPackageWeight' | 'customsClearanceRequired';

/** A problem found in an import, with the row it is on (CSV: line number; JSON: entry number, from 1). */
export interface CatalogRowError {
  readonly row: number;
  readonly sku: string | null;
  readonly message: string;
}

interface ColumnTable {
  columns: Record<CatalogColumn, string[]>;
  booleans: { true: string[]; false: string[] };
}

const TABLE = rawColumns as ColumnTable;
const ALIASES = new Map<string, CatalogColumn>(
  (Object.entries(TABLE.columns) as [CatalogColumn, string[]][]).flatMap(([column, names]) => names.map((name) => [name.toLowerCase(), column] as const)),
);
const TRUE_WORDS = new Set(TABLE.booleans.true.map((word) => word.toLowerCase()));
const FALSE_WORDS = new Set(TABLE.booleans.false.map((word) => word.toLowerCase()));

/** The canonical column a header or JSON key names (`catalog-columns.data.json`), if any. */
export function columnOf(header: string): CatalogColumn | undefined {
  return ALIASES.get(header.trim().toLowerCase());
}

/** A cell or JSON value, already mapped to its canonical column. `undefined`, `null` and blank mean "missing". */
export type RawCatalogRow = Partial<Record<CatalogColumn, unknown>>;

/** Turns one row into an entry, or the row-numbered problems that stop it from being one. */
export function parseCatalogRow(raw: RawCatalogRow, row: number): { entry: SkuCatalogEntry } | { errors: CatalogRowError[] } {
  const sku = text(raw.sku);
  const errors: CatalogRowError[] = [];
  const fail = (message: string) => errors.push({ row, sku, message });
  if (sku === null) fail(isBlank(raw.sku) ? 'sku is required' : `sku must be text, got ${JSON.stringify(raw.sku)}`);
  const slaHours = integer(raw.slaHours, 1, 'sla_hours must be a positive integer of hours', fail);
  const minPackageWeight = integer(raw.minPackageWeight, 0, 'min_package_weight must be a non-negative integer of grams', fail);
  const customsClearanceRequired = bool(raw.customsClearanceRequired, fail);
  if (raw.warehouseId !== undefined && raw.warehouseId !== null && typeof raw.warehouseId !== 'string') fail('warehouse_id must be text');
  if (errors.length > 0 || sku === null) return { errors };
  return { entry: { sku, warehouseId: text(raw.warehouseId), slaHours, minPackageWeight, customsClearanceRequired } };
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function integer(value: unknown, minimum: number, message: string, fail: (message: string) => void): number | null {
  if (isBlank(value)) return null;
  const parsed = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof parsed === 'number' && Number.isSafeInteger(parsed) && parsed >= minimum) return parsed;
  fail(`${message}, got ${JSON.stringify(value)}`);
  return null;
}

function bool(value: unknown, fail: (message: string) => void): boolean | null {
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  fail(`customs_clearance_required must be one of ${[...TRUE_WORDS, ...FALSE_WORDS].join('/')}, got ${JSON.stringify(value)}`);
  return null;
}
