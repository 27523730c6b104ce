import type { PoolClient } from 'pg';
import { formatShanghaiTime, orderStageOf } from '@oms/fulfillment-domain';
import type { ParsedTrack } from '../carriers/carrier-adapter';
import type { Causation, FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import type { OrderStageRepository } from './order-stage.repository';
import type { Shipment, ShipmentRepository } from './shipment.repository';
import type { TrackRow } from './track.repository';

/** The fields of the current track a status change reports. */
export type PublishedTrack = Pick<TrackRow, 'eventKey' | 'trackingNumber' | 'carrierStatusCode' | 'carrierStatusText' | 'status' | 'subStatus' | 'occurredAt' | 'occurredAtText'>;

/**
 * ShipmentStatusChanged for every order a shipment carries, with the order's stage over all
 * sub-orders of the plan (a sub-order not shipped yet keeps the order partially shipped).
 */
export class ShipmentStatusPublisher {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly publisher: FulfillmentPublisher,
    private readonly stages: OrderStageRepository,
  ) {}

  /** Publishes and answers how many records went out. */
  async publish(tx: PoolClient, shipment: Shipment, current: PublishedTrack, authoritative: ParsedTrack | undefined, causation?: Causation): Promise<number> {
    // A one-parcel plan needs no look-up: this shipment alone is the order's stage.
    const others = shipment.planSubOrders > 1 ? await this.otherParcelsOf(tx, shipment) : [];
    const plan = [shipment, ...others.filter((other) => other.subOrderId !== shipment.subOrderId)];
    const recordedAt = Date.now();
    for (const orderId of shipment.orderIds) {
      const orderStage = orderStageOf(plan.filter((other) => other.orderIds.includes(orderId)).map((other) => other.stage));
      if (orderStage) await this.stages.published(tx, orderId, shipment.dispatchPlanId, orderStage, recordedAt);
      await this.publisher.publish(
        tx,
        'ShipmentStatusChanged',
        {
          orderId,
          dispatchPlanId: shipment.dispatchPlanId,
          subOrderId: shipment.subOrderId,
          carrier: shipment.carrier,
          trackingSource: shipment.trackingSource,
          trackingNumber: current.trackingNumber,
          status: current.status ?? 'EXCEPTION',
          subStatus: current.subStatus,
          orderStage,
          carrierStatusCode: current.carrierStatusCode,
          carrierStatusText: current.carrierStatusText,
          authoritativeStatusCode: authoritative?.carrierStatusCode ?? null,
          authoritativeStatusText: authoritative?.carrierStatusText ?? null,
          trackCredibilityScore: shipment.credibilityScore,
          occurredAt: current.occurredAt,
          occurredAtText: current.occurredAtText,
          recordedAt,
          recordedAtText: formatShanghaiTime(recordedAt),
        },
        `ShipmentStatusChanged:${orderId}:${current.eventKey}`,
        causation,
        true, // the event key just became current: never published before
      );
    }
    return shipment.orderIds.length;
  }

  /**
   * The plan's other parcels, read after taking the plan's lock. Without it two transactions
   * delivering the last two parcels of one plan at once each see the other parcel still moving
   * (write skew), and neither reports the order delivered. With it the second one waits, and
   * its read (READ COMMITTED: a new snapshot per statement) sees the first one's update.
   */
  private async otherParcelsOf(tx: PoolClient, shipment: Shipment): Promise<Shipment[]> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`shipment-plan:${shipment.dispatchPlanId}`]);
    return this.shipments.ofPlan(tx, shipment.dispatchPlanId);
  }
}
