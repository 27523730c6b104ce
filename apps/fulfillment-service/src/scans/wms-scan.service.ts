import type { PoolClient } from 'pg';
import type { WmsScan } from '@oms/contracts';
import { trackCredibility } from '@oms/fulfillment-domain';
import type { Causation } from '../publishing/fulfillment.publisher';
import type { ReviewItemsRepository } from '../review/review-items.repository';
import { credibilityAuditItem } from '../tracking/credibility-audit';
import type { ShipmentRepository } from '../tracking/shipment.repository';
import type { WmsScanRepository } from './wms-scan.repository';

/**
 * WMS scans (`oms.ingress.wms-scans.v1`): kept with their plan. A CARRIER_PICKUP scan is the
 * parcel's hand-over, so it becomes the shipment's `shipped_at` in place of the waybill's
 * acceptance — what the credibility score measures the carrier's first track against; a first
 * track already written is scored again from it (and audited when over 120 s).
 */
export class WmsScanService {
  constructor(
    private readonly scans: WmsScanRepository,
    private readonly shipments: ShipmentRepository,
    private readonly reviews: ReviewItemsRepository,
  ) {}

  async record(tx: PoolClient, scan: WmsScan, causation: Causation): Promise<void> {
    if (!(await this.scans.insert(tx, scan)) || scan.scanType !== 'CARRIER_PICKUP') return;
    const shipment = await this.shipments.handedOver(tx, scan, scan.scannedAt, scan.scannedAtText);
    if (!shipment?.trackingNumber || shipment.firstTrackAt === null) return;
    const credibility = trackCredibility(scan.scannedAt, shipment.firstTrackAt);
    await this.shipments.updateCredibility(tx, shipment.trackingNumber, credibility.score);
    if (credibility.audit) await this.reviews.raise(tx, credibilityAuditItem(shipment, credibility, shipment.firstTrackAt), causation);
  }
}
