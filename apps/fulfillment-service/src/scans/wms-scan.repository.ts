import type { Pool, PoolClient } from 'pg';
import type { WmsScan } from '@oms/contracts';

/** A stored scan as the HTTP API shows it. */
export interface ScanRow {
  scanId: string;
  dispatchPlanId: string;
  subOrderId: string | null;
  orderId: string | null;
  scanType: string;
  warehouseId: string;
  trackingNumber: string | null;
  scannedAt: number;
  scannedAtText: string;
}

/** WMS scans, linked to their dispatch plan and sub-order. */
export class WmsScanRepository {
  /** Stores the scan; false when it was already stored (a redelivery). */
  async insert(tx: PoolClient, scan: WmsScan): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO wms_scans (scan_id, dispatch_plan_id, sub_order_id, order_id, scan_type, warehouse_id, tracking_number, scanned_at, scanned_at_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (scan_id) DO NOTHING`,
      [scan.scanId, scan.dispatchPlanId, scan.subOrderId, scan.orderId, scan.scanType, scan.warehouseId, scan.trackingNumber, scan.scannedAt, scan.scannedAtText],
    );
    return rowCount === 1;
  }

  async ofPlan(db: Pool, dispatchPlanId: string): Promise<ScanRow[]> {
    const { rows } = await db.query<ScanRow>(
      `SELECT scan_id AS "scanId", dispatch_plan_id AS "dispatchPlanId", sub_order_id AS "subOrderId", order_id AS "orderId", scan_type AS "scanType",
              warehouse_id AS "warehouseId", tracking_number AS "trackingNumber", scanned_at::float8 AS "scannedAt", scanned_at_text AS "scannedAtText"
         FROM wms_scans WHERE dispatch_plan_id = $1 ORDER BY scanned_at, scan_id`,
      [dispatchPlanId],
    );
    return rows;
  }
}
