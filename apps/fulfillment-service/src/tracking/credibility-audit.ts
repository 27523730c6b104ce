import { formatShanghaiTime, type TrackCredibility } from '@oms/fulfillment-domain';
import type { ReviewItem } from '../review/review-item';
import type { Shipment } from './shipment.repository';

/** The manual-audit item of a shipment whose first carrier track came over 120 s from its hand-over. */
export function credibilityAuditItem(shipment: Shipment, credibility: TrackCredibility, firstTrackAt: number): ReviewItem {
  return {
    dedupeKey: `credibility:${shipment.trackingNumber}`,
    orderId: shipment.orderIds[0] ?? null,
    cause: 'TRACK_CREDIBILITY_AUDIT',
    dispatchPlanId: shipment.dispatchPlanId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    detail: `first carrier track at ${formatShanghaiTime(firstTrackAt)} is ${Math.round(credibility.gapMs / 1000)} s from shipment at ${shipment.shippedAtText} (over 120 s): manual audit`,
  };
}
