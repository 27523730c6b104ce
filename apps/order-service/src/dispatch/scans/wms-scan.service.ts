import type { PoolClient } from 'pg';
import { onCommit } from '@oms/postgres';
import type { Logger } from 'pino';
import { encode, type DispatchScanRecorded, type WmsScan } from '@oms/contracts';
import type { CommandContext } from '../../ingress/command-context';
import { wmsScansTotal } from '../dispatch-metrics';
import type { PlanVersionRepository } from '../planning/plan-version.repository';
import type { DispatchTrailWriter } from '../trail/dispatch-trail.writer';
import { reviewRecord, type At, type TrailRecord } from '../trail/trail-records';
import { checkScan, ordersOfScan, type ScanCheck } from './scan-flag';

/**
 * WMS/TMS scans (`oms.ingress.wms-scans.v1`) → `DispatchScanRecorded` on the orders of the scanned
 * sub-order, so a parcel traces back to the decision that routed it. Never dropped: a scan of a
 * plan id no plan has is kept in `dispatch_unmatched_scans`, listed for operators by
 * `GET /dispatch-plans/unmatched-scans` (and, when it names an order that exists, a review item is
 * raised on it); a scan that does not match the plan in force is recorded with its flag and
 * raises a review item. Each scan id is recorded once.
 */
export class WmsScanService {
  constructor(
    private readonly versions: PlanVersionRepository,
    private readonly trail: DispatchTrailWriter,
    private readonly logger: Logger,
  ) {}

  async record(scan: WmsScan, context: CommandContext, client: PoolClient): Promise<void> {
    if (await this.seen(client, scan.scanId)) return;
    const at: At = { occurredAt: context.occurredAt, occurredAtText: context.occurredAtText };
    const versions = await this.versions.versionsOf(client, scan.dispatchPlanId);
    if (versions.length === 0) return this.unmatched(client, scan, context, at);
    const check = checkScan(scan, versions);
    const orderIds = ordersOfScan(check, versions.at(-1)?.plan.orderIds ?? []);
    for (const orderId of orderIds) await this.trail.append(client, orderId, this.recordsFor(orderId, scan, check, at), context.metadata);
    await client.query('INSERT INTO dispatch_scans (scan_id, dispatch_plan_id, flag) VALUES ($1, $2, $3)', [scan.scanId, scan.dispatchPlanId, check.flag?.flag ?? null]);
    onCommit(client, () => wmsScansTotal.inc({ flag: check.flag?.flag ?? 'none' }));
    if (check.flag) this.logger.warn({ dispatchPlanId: scan.dispatchPlanId, scanId: scan.scanId, flag: check.flag.flag }, check.flag.detail);
  }

  private recordsFor(orderId: string, scan: WmsScan, check: ScanCheck, at: At): TrailRecord[] {
    const recorded: DispatchScanRecorded = {
      orderId, ...at, scanId: scan.scanId, dispatchPlanId: scan.dispatchPlanId, planVersion: scan.planVersion,
      currentPlanVersion: check.currentVersion?.version ?? null, subOrderId: scan.subOrderId, scanType: scan.scanType,
      warehouseId: scan.warehouseId, stationId: scan.stationId, operatorId: scan.operatorId, carrier: scan.carrier,
      trackingNumber: scan.trackingNumber, packageWeightGrams: scan.packageWeightGrams, items: scan.items,
      scannedAt: scan.scannedAt, scannedAtText: scan.scannedAtText, flag: check.flag?.flag ?? null, flagDetail: check.flag?.detail ?? null,
    };
    const records: TrailRecord[] = [{ recordName: 'DispatchScanRecorded', value: recorded }];
    if (check.flag) {
      const review = { cause: 'SANDBOX_VALIDATION_FAILED' as const, detailedCause: `DISPATCH_SCAN_${check.flag.flag}`, subject: `${scan.dispatchPlanId}:${scan.scanId}`, detail: check.flag.detail };
      records.push({ recordName: 'ReviewItemRaised', value: reviewRecord(orderId, review, at) });
    }
    return records;
  }

  private async unmatched(client: PoolClient, scan: WmsScan, context: CommandContext, at: At): Promise<void> {
    const reason = `no dispatch plan ${scan.dispatchPlanId} exists`;
    // clock_timestamp(), not the transaction's now(): scans of one batch keep their arrival order
    // in the newest-first list operators read (GET /dispatch-plans/unmatched-scans).
    await client.query(
      'INSERT INTO dispatch_unmatched_scans (scan_id, dispatch_plan_id, reason, payload, recorded_at) VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT (scan_id) DO NOTHING',
      [scan.scanId, scan.dispatchPlanId, reason, encode('WmsScan', scan)],
    );
    if (scan.orderId) {
      const review = { cause: 'SANDBOX_VALIDATION_FAILED' as const, detailedCause: 'DISPATCH_SCAN_UNKNOWN_PLAN', subject: `${scan.dispatchPlanId}:${scan.scanId}`, detail: `scan ${scan.scanId} (${scan.scanType} at ${scan.warehouseId}) carries ${reason}` };
      await this.trail.append(client, scan.orderId, [{ recordName: 'ReviewItemRaised', value: reviewRecord(scan.orderId, review, at) }], context.metadata);
    }
    onCommit(client, () => wmsScansTotal.inc({ flag: 'UNKNOWN_PLAN' }));
    this.logger.warn({ dispatchPlanId: scan.dispatchPlanId, scanId: scan.scanId, orderId: scan.orderId }, `scan kept unmatched: ${reason}`);
  }

  private async seen(client: PoolClient, scanId: string): Promise<boolean> {
    const { rowCount } = await client.query('SELECT 1 FROM dispatch_scans WHERE scan_id = $1 UNION ALL SELECT 1 FROM dispatch_unmatched_scans WHERE scan_id = $1', [scanId]);
    return (rowCount ?? 0) > 0;
  }
}
