/**
 * The fulfilment vector of a SKU — the source article's 履约特征向量 with its four required
 * dimensions: warehouse_id, sla_hours, min_package_weight, customs_clearance_required
 * (DESIGN.md, "Each SKU has a fulfilment vector"). A catalog entry may lack some of them (an
 * import with blank cells); planning then blocks with a review item naming the SKU and fields.
 */

/** The complete vector the split decision routes a SKU by. */
export interface FulfilmentVector {
  /** Warehouse that ships the SKU (own warehouse, cloud warehouse, bonded warehouse…). */
  readonly warehouseId: string;
  /** Shipping promise in hours, a positive integer (e.g. 24 for own warehouse, 48 for cloud). */
  readonly slaHours: number;
  /** Minimum declared package weight of a parcel holding the SKU, grams, a non-negative integer. */
  readonly minPackageWeight: number;
  /** True for bonded / cross-border SKUs that go through customs clearance. */
  readonly customsClearanceRequired: boolean;
}

/** One of the four dimensions of a fulfilment vector. */
export type FulfilmentField = keyof FulfilmentVector;

/** The four required dimensions, in the article's order. */
export const FULFILMENT_FIELDS: readonly FulfilmentField[] = Object.freeze([
  'warehouseId',
  'slaHours',
  'minPackageWeight',
  'customsClearanceRequired',
]);

/** A SKU as the catalog holds it: every dimension may be missing (`null`) until someone fills it. */
export interface SkuCatalogEntry {
  readonly sku: string;
  readonly warehouseId: string | null;
  readonly slaHours: number | null;
  readonly minPackageWeight: number | null;
  readonly customsClearanceRequired: boolean | null;
}

/** The dimensions `entry` lacks, in `FULFILMENT_FIELDS` order; empty when the vector is complete. */
export function missingFields(entry: SkuCatalogEntry): FulfilmentField[] {
  return FULFILMENT_FIELDS.filter((field) => entry[field] === null);
}

/**
 * The complete vector of `entry`, or `null` when any dimension is missing. A complete entry IS a
 * vector (plus its `sku`), so it is returned as is: no copy per line on the planning hot path.
 */
export function vectorOf(entry: SkuCatalogEntry): FulfilmentVector | null {
  const { warehouseId, slaHours, minPackageWeight, customsClearanceRequired } = entry;
  if (warehouseId === null || slaHours === null || minPackageWeight === null || customsClearanceRequired === null) return null;
  return entry as FulfilmentVector;
}

/**
 * What is wrong with the values of `entry` (missing dimensions are not wrong — they block
 * planning later, with a review item). Empty when every present value is well-formed.
 */
export function entryProblems(entry: SkuCatalogEntry): string[] {
  const problems: string[] = [];
  if (typeof entry.sku !== 'string' || entry.sku.trim() === '' || entry.sku !== entry.sku.trim()) {
    problems.push(`sku must be a non-empty code without surrounding spaces, got ${JSON.stringify(entry.sku)}`);
  }
  const { warehouseId, slaHours, minPackageWeight, customsClearanceRequired } = entry;
  if (warehouseId !== null && (typeof warehouseId !== 'string' || warehouseId.trim() === '')) {
    problems.push(`warehouseId must be a non-empty text, got ${JSON.stringify(warehouseId)}`);
  }
  if (slaHours !== null && !(Number.isSafeInteger(slaHours) && slaHours > 0)) {
    problems.push(`slaHours must be a positive integer of hours, got ${JSON.stringify(slaHours)}`);
  }
  if (minPackageWeight !== null && !(Number.isSafeInteger(minPackageWeight) && minPackageWeight >= 0)) {
    problems.push(`minPackageWeight must be a non-negative integer of grams, got ${JSON.stringify(minPackageWeight)}`);
  }
  if (customsClearanceRequired !== null && typeof customsClearanceRequired !== 'boolean') {
    problems.push(`customsClearanceRequired must be true or false, got ${JSON.stringify(customsClearanceRequired)}`);
  }
  return problems;
}
