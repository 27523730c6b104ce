import { compareCodeUnits } from '../determinism/canonical-json';
import { entryProblems, type SkuCatalogEntry } from './fulfilment-vector';
import { SkuCatalog } from './sku-catalog';

/** Who made a catalog change, when (epoch ms, an input — never the library's clock) and why. */
export interface CatalogChangeMeta {
  /** Unique id of the change; re-applying the same id is a no-op (at-least-once delivery). */
  readonly changeId: string;
  readonly changedBy: string;
  readonly changedAt: number;
  readonly reason: string;
}

/**
 * A change to the catalog. `IMPORT` replaces every SKU (a CSV/JSON import); `UPSERT` adds or
 * replaces whole entries (the change API; `null` fields mean "missing"); `REMOVE` drops SKUs.
 */
export type CatalogChange =
  | (CatalogChangeMeta & { readonly kind: 'IMPORT'; readonly source: string; readonly entries: readonly SkuCatalogEntry[] })
  | (CatalogChangeMeta & { readonly kind: 'UPSERT'; readonly entries: readonly SkuCatalogEntry[] })
  | (CatalogChangeMeta & { readonly kind: 'REMOVE'; readonly skus: readonly string[] });

/** What a change did, kept in the catalog's history (SKU lists sorted). */
export interface CatalogChangeRecord extends CatalogChangeMeta {
  readonly version: number;
  readonly kind: CatalogChange['kind'];
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
}

/** The new catalog version, or why the change was refused (the catalog is then unchanged). */
export type CatalogChangeResult = { readonly ok: true; readonly catalog: SkuCatalog } | { readonly ok: false; readonly problems: string[] };

/**
 * Applies `change` to `catalog` and returns the next version with the change recorded. Pure: the
 * given catalog is untouched, so a plan holding an older version still reads the vectors it used.
 *
 * @example
 * const result = applyCatalogChange(catalog, { kind: 'UPSERT', changeId: 'c-7', changedBy: 'ops-1',
 *   changedAt: 1768890123000, reason: 'cloud warehouse moved', entries: [entry] });
 * if (result.ok) result.catalog.version; // catalog.version + 1
 */
export function applyCatalogChange(catalog: SkuCatalog, change: CatalogChange): CatalogChangeResult {
  if (catalog.history.some((record) => record.changeId === change.changeId)) return { ok: true, catalog };
  const problems = [...metaProblems(change), ...contentProblems(catalog, change)];
  if (problems.length > 0) return { ok: false, problems };
  const bySku = change.kind === 'IMPORT' ? new Map<string, SkuCatalogEntry>() : catalog.copyMap();
  if (change.kind === 'REMOVE') change.skus.forEach((sku) => bySku.delete(sku));
  else change.entries.forEach((entry) => bySku.set(entry.sku, frozenCopy(entry)));
  return { ok: true, catalog: SkuCatalog.nextVersion(catalog, bySku, recordOf(catalog, change, bySku)) };
}

function recordOf(catalog: SkuCatalog, change: CatalogChange, next: Map<string, SkuCatalogEntry>): CatalogChangeRecord {
  const { changeId, changedBy, changedAt, reason, kind } = change;
  const touched = change.kind === 'REMOVE' ? [] : change.entries.map((entry) => entry.sku);
  const dropped = change.kind === 'IMPORT' ? catalog.entries().map((entry) => entry.sku).filter((sku) => !next.has(sku)) : [];
  const removed = change.kind === 'REMOVE' ? [...change.skus] : dropped;
  return Object.freeze({
    changeId, changedBy, changedAt, reason, kind, version: catalog.version + 1,
    added: sorted(touched.filter((sku) => !catalog.has(sku))),
    updated: sorted(touched.filter((sku) => catalog.has(sku) && !sameEntry(catalog.entry(sku), next.get(sku)))),
    removed: sorted(removed),
  });
}

/**
 * The catalog's own frozen copy of an entry, field by field: callers keep no handle on catalog
 * state. Not `Object.freeze({ ...entry })` — V8 reads properties of frozen spread copies about
 * 15× slower, and every planned line reads one (measured in benchmarks/dispatch).
 */
function frozenCopy(entry: SkuCatalogEntry): SkuCatalogEntry {
  const { sku, warehouseId, slaHours, minPackageWeight, customsClearanceRequired } = entry;
  return Object.freeze({ sku, warehouseId, slaHours, minPackageWeight, customsClearanceRequired });
}

function metaProblems(change: CatalogChangeMeta): string[] {
  const problems: string[] = [];
  if (!change.changeId) problems.push('changeId is required');
  if (!change.changedBy) problems.push('changedBy is required');
  if (!Number.isSafeInteger(change.changedAt)) problems.push(`changedAt must be epoch milliseconds, got ${JSON.stringify(change.changedAt)}`);
  return problems;
}

function contentProblems(catalog: SkuCatalog, change: CatalogChange): string[] {
  if (change.kind === 'REMOVE') {
    return change.skus.filter((sku) => !catalog.has(sku)).map((sku) => `cannot remove ${sku}: the catalog does not list it`);
  }
  const seen = new Set<string>();
  return change.entries.flatMap((entry, index) => {
    const problems = entryProblems(entry).map((problem) => `entries[${index}] (${entry.sku}): ${problem}`);
    if (seen.has(entry.sku)) problems.push(`entries[${index}]: sku ${entry.sku} is repeated in the change`);
    seen.add(entry.sku);
    return problems;
  });
}

function sameEntry(a: SkuCatalogEntry | undefined, b: SkuCatalogEntry | undefined): boolean {
  return a !== undefined && b !== undefined && a.warehouseId === b.warehouseId && a.slaHours === b.slaHours &&
    a.minPackageWeight === b.minPackageWeight && a.customsClearanceRequired === b.customsClearanceRequired;
}

function sorted(skus: string[]): string[] {
  return skus.sort(compareCodeUnits);
}
