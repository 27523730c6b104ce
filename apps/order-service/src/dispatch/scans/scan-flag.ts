import type { WmsScan } from '@oms/contracts';
import { checkParcelWeight, type PlannedSubOrder } from '@oms/dispatch-domain';
import type { StoredPlanVersion } from '../planning/plan-version.repository';

/** Why a scan of a known plan needs a person (the `flag` of `DispatchScanRecorded`). */
export type ScanFlag = 'PLAN_NOT_ISSUED' | 'SUPERSEDED_PLAN_VERSION' | 'UNKNOWN_SUB_ORDER' | 'WRONG_WAREHOUSE' | 'UNDERWEIGHT_PARCEL';

/** A scan checked against its plan: the version in force, the sub-order it is for, and any flag. */
export interface ScanCheck {
  currentVersion: StoredPlanVersion | undefined;
  subOrder: PlannedSubOrder | undefined;
  flag: { flag: ScanFlag; detail: string } | null;
}

/** Scans that weigh a closed parcel: the sub-order's minimum parcel weight applies to them. */
const WEIGHED_SCANS: ReadonlySet<string> = new Set(['PACKED', 'OUTBOUND']);

/**
 * Checks a WMS scan against the plan's versions (oldest first): the plan must have an issued
 * version; a pick list printed from an older version, or a sub-order only an older version had,
 * is SUPERSEDED (the goods may be routed by a plan no longer in force); a sub-order no version
 * had is UNKNOWN; the scan must happen at the sub-order's warehouse; a weighed parcel must reach
 * the sub-order's minimum weight. Such scans are still recorded, with the flag.
 */
export function checkScan(scan: WmsScan, versions: readonly StoredPlanVersion[]): ScanCheck {
  const currentVersion = versions.filter((version) => version.status === 'ISSUED').at(-1);
  const subOrder = currentVersion?.plan.subOrders.find((candidate) => candidate.subOrderId === scan.subOrderId);
  const check = (flag: ScanFlag, detail: string): ScanCheck => ({ currentVersion, subOrder, flag: { flag, detail } });
  if (!currentVersion) return check('PLAN_NOT_ISSUED', `plan ${scan.dispatchPlanId} has no issued version: its goods should not move yet`);
  const current = currentVersion.version;
  if (scan.planVersion !== null && scan.planVersion < current) {
    return check('SUPERSEDED_PLAN_VERSION', `scan ${scan.scanId} carries v${scan.planVersion} of ${scan.dispatchPlanId}, superseded by v${current}`);
  }
  if (scan.subOrderId !== null && !subOrder) {
    const older = versions.some((version) => version.plan.subOrders.some((candidate) => candidate.subOrderId === scan.subOrderId));
    return older
      ? check('SUPERSEDED_PLAN_VERSION', `sub-order ${scan.subOrderId} belongs to a superseded version of ${scan.dispatchPlanId} (v${current} is in force)`)
      : check('UNKNOWN_SUB_ORDER', `sub-order ${scan.subOrderId} is not part of ${scan.dispatchPlanId}`);
  }
  if (subOrder && subOrder.warehouseId !== scan.warehouseId) {
    return check('WRONG_WAREHOUSE', `${subOrder.subOrderId} ships from ${subOrder.warehouseId}, scanned at ${scan.warehouseId}`);
  }
  if (subOrder && scan.packageWeightGrams !== null && WEIGHED_SCANS.has(scan.scanType)) {
    const weight = checkParcelWeight(subOrder, scan.packageWeightGrams);
    if (!weight.ok) return check('UNDERWEIGHT_PARCEL', weight.reason);
  }
  return { currentVersion, subOrder, flag: null };
}

/** The orders a scan concerns: those with lines in its sub-order, else every order of the plan version. */
export function ordersOfScan(check: ScanCheck, fallback: readonly string[]): string[] {
  if (check.subOrder) return [...new Set(check.subOrder.lines.map((line) => line.orderId))];
  return [...(check.currentVersion?.plan.orderIds ?? fallback)];
}
