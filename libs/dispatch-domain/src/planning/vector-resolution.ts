import { FULFILMENT_FIELDS, missingFields, vectorOf, type FulfilmentVector } from '../catalog/fulfilment-vector';
import type { SkuCatalog } from '../catalog/sku-catalog';
import { compareCodeUnits } from '../determinism/canonical-json';
import type { MissingVector, PlannedLine } from './dispatch-plan';

/** Every SKU's complete vector, or every SKU that has none (with its missing fields and lines). */
export type VectorResolution =
  | { readonly ok: true; readonly vectors: ReadonlyMap<string, FulfilmentVector> }
  | { readonly ok: false; readonly missing: MissingVector[] };

/**
 * Looks up the fulfilment vector of every SKU of `lines` (one `Map` lookup each). All four
 * dimensions are required (the article: 四个必填维度); a SKU not in the catalog or with a gap is
 * reported — never defaulted, since a guessed warehouse is exactly the mis-split the rule prevents.
 */
export function resolveVectors(lines: readonly PlannedLine[], catalog: SkuCatalog): VectorResolution {
  const vectors = new Map<string, FulfilmentVector>();
  const missing = new Map<string, MissingVector>();
  for (const { orderId, lineId, sku } of lines) {
    if (vectors.has(sku)) continue;
    const known = missing.get(sku);
    if (known !== undefined) {
      missing.set(sku, { ...known, lines: [...known.lines, { orderId, lineId }] });
      continue;
    }
    const entry = catalog.entry(sku);
    const vector = entry === undefined ? null : vectorOf(entry);
    if (vector !== null) vectors.set(sku, vector);
    else {
      const reason = entry === undefined ? 'NOT_IN_CATALOG' : 'INCOMPLETE_VECTOR';
      missing.set(sku, { sku, reason, missingFields: entry === undefined ? [...FULFILMENT_FIELDS] : missingFields(entry), lines: [{ orderId, lineId }] });
    }
  }
  if (missing.size === 0) return { ok: true, vectors };
  return { ok: false, missing: [...missing.values()].sort((a, b) => compareCodeUnits(a.sku, b.sku)) };
}

/** The reviewer's sentence for one SKU. */
export function describeMissingVector(missing: MissingVector, catalogVersion: number): string {
  const where = missing.lines.map((line) => `${line.orderId}/${line.lineId}`).join(', ');
  if (missing.reason === 'NOT_IN_CATALOG') return `${missing.sku} is not in SKU catalog version ${catalogVersion} (lines ${where})`;
  return `${missing.sku} lacks ${missing.missingFields.join(', ')} in SKU catalog version ${catalogVersion} (lines ${where})`;
}
