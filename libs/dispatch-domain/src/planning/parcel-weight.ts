import type { PlannedSubOrder } from './dispatch-plan';

/** Whether a parcel's declared (or weighed) weight respects its sub-order's minimum. */
export type ParcelWeightCheck =
  | { readonly ok: true; readonly minimumGrams: number; readonly declaredGrams: number }
  | { readonly ok: false; readonly minimumGrams: number; readonly declaredGrams: number; readonly reason: string };

/**
 * Checks a parcel of `subOrder` against the weight rule: declared weight ≥ the largest
 * min_package_weight among the sub-order's SKUs (the fulfilment vector's third dimension; the
 * source article names it as required but gives no formula, so this floor is the rule we keep).
 * Use it on a WMS PACKED / OUTBOUND scan's weighed grams.
 *
 * @example
 * checkParcelWeight(subOrder, 180); // { ok: false, minimumGrams: 200, declaredGrams: 180, reason: '…' }
 */
export function checkParcelWeight(subOrder: Pick<PlannedSubOrder, 'subOrderId' | 'minPackageWeightGrams'>, declaredGrams: number): ParcelWeightCheck {
  const minimumGrams = subOrder.minPackageWeightGrams;
  if (!(Number.isSafeInteger(declaredGrams) && declaredGrams >= 0)) {
    return { ok: false, minimumGrams, declaredGrams, reason: `declared weight must be a non-negative integer of grams, got ${declaredGrams}` };
  }
  if (declaredGrams >= minimumGrams) return { ok: true, minimumGrams, declaredGrams };
  return { ok: false, minimumGrams, declaredGrams, reason: `${subOrder.subOrderId} parcel declared at ${declaredGrams} g, below its minimum of ${minimumGrams} g` };
}
