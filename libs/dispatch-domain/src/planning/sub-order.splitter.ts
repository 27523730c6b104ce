import type { FulfilmentVector } from '../catalog/fulfilment-vector';
import { compareCodeUnits } from '../determinism/canonical-json';
import type { PlannedLine, PlannedSubOrder } from './dispatch-plan';
import { subOrderId } from './plan-identity';

const HOUR_MS = 3_600_000;

interface Bucket {
  readonly vector: FulfilmentVector;
  readonly lines: PlannedLine[];
  minPackageWeightGrams: number;
  slaDeadline: number;
}

/**
 * Splits lines into sub-orders, one per (warehouseId, slaHours, customsClearanceRequired): a
 * sub-order never mixes warehouses or SLAs (the article: 按仓库维度拆单, and SLA 差异 — a 24 h item
 * must not wait for a 48 h one), and bonded items never share a parcel with domestic ones. The
 * sub-order's minimum package weight is the largest minimum among its SKUs, so every parcel's
 * declared weight respects each SKU it holds. Sub-orders come strictest SLA first (the article:
 * 最严SLA优先), then earliest deadline, warehouse id, domestic before bonded.
 *
 * `lines` must be in canonical order; each sub-order keeps that order.
 */
export function splitIntoSubOrders(
  lines: readonly PlannedLine[],
  vectors: ReadonlyMap<string, FulfilmentVector>,
  paidAtByOrder: ReadonlyMap<string, number>,
  plan: { dispatchPlanId: string; version: number },
): PlannedSubOrder[] {
  const buckets = new Map<string, Bucket>();
  for (const line of lines) {
    const vector = vectors.get(line.sku) as FulfilmentVector;
    const key = `${vector.warehouseId}\u0000${vector.slaHours}\u0000${vector.customsClearanceRequired}`;
    const deadline = (paidAtByOrder.get(line.orderId) ?? 0) + vector.slaHours * HOUR_MS;
    const bucket = buckets.get(key) ?? { vector, lines: [], minPackageWeightGrams: 0, slaDeadline: deadline };
    bucket.lines.push(line);
    bucket.minPackageWeightGrams = Math.max(bucket.minPackageWeightGrams, vector.minPackageWeight);
    bucket.slaDeadline = Math.min(bucket.slaDeadline, deadline);
    buckets.set(key, bucket);
  }
  return [...buckets.values()].sort(strictestFirst).map((bucket, index) => ({
    subOrderId: subOrderId(plan.dispatchPlanId, plan.version, index),
    warehouseId: bucket.vector.warehouseId,
    slaHours: bucket.vector.slaHours,
    customsClearanceRequired: bucket.vector.customsClearanceRequired,
    minPackageWeightGrams: bucket.minPackageWeightGrams,
    carrier: null,
    lines: bucket.lines,
    slaDeadline: bucket.slaDeadline,
  }));
}

function strictestFirst(a: Bucket, b: Bucket): number {
  return (
    a.vector.slaHours - b.vector.slaHours ||
    a.slaDeadline - b.slaDeadline ||
    compareCodeUnits(a.vector.warehouseId, b.vector.warehouseId) ||
    Number(a.vector.customsClearanceRequired) - Number(b.vector.customsClearanceRequired)
  );
}
