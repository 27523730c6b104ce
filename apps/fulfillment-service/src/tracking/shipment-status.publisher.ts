import type { PoolClient } from 'pg';
import type { OrderShipmentStage } from '@oms/contracts';
import { formatShanghaiTime, orderStageOf } from '@oms/fulfillment-domain';
import type { ParsedTrack } from '../carriers/carrier-adapter';
import { awaitAllSettled } from '../database/await-all-settled';
import type { Causation, FulfillmentPublisher, FulfillmentRecord } from '../publishing/fulfillment.publisher';
import type { OrderStageRepository } from './order-stage.repository';
import type { Shipment, ShipmentRepository } from './shipment.repository';
import type { TrackRow } from './track.repository';

/** The fields of the current track a status change reports. */
export type PublishedTrack = Pick<TrackRow, 'eventKey' | 'trackingNumber' | 'carrierStatusCode' | 'carrierStatusText' | 'status' | 'subStatus' | 'occurredAt' | 'occurredAtText'>;

/** A shipment whose current event just changed (the shipment as updated in this transaction). */
export interface StatusChange {
  shipment: Shipment;
  current: PublishedTrack;
  authoritative: ParsedTrack | undefined;
  causation?: Causation;
}

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

  /**
   * Publishes the changes of one batch and answers how many records went out. `updated`: every
   * shipment the batch updated (written already), so a plan's stage sees them all.
   */
  async publish(tx: PoolClient, changes: StatusChange[], updated: Shipment[]): Promise<number> {
    if (changes.length === 0) return 0;
    const plans = await this.parcelsOfPlans(tx, changes, updated);
    const recordedAt = Date.now();
    const stages: Array<{ orderId: string; dispatchPlanId: string; stage: OrderShipmentStage }> = [];
    const records: FulfillmentRecord[] = [];
    for (const { shipment, current, authoritative, causation } of changes) {
      // The shipment as this change left it; its plan's other parcels as the batch left them.
      const plan = (plans.get(shipment.dispatchPlanId) ?? [shipment]).map((parcel) => (parcel.subOrderId === shipment.subOrderId ? shipment : parcel));
      for (const orderId of shipment.orderIds) {
        const orderStage = orderStageOf(plan.filter((other) => other.orderIds.includes(orderId)).map((other) => other.stage));
        if (orderStage) stages.push({ orderId, dispatchPlanId: shipment.dispatchPlanId, stage: orderStage });
        records.push({ recordName: 'ShipmentStatusChanged', value: statusChanged(orderId, shipment, current, authoritative, orderStage, recordedAt), name: `ShipmentStatusChanged:${orderId}:${current.eventKey}`, causation });
      }
    }
    // The event keys just became current: never published before. Issued together (see awaitAllSettled).
    await awaitAllSettled([this.stages.published(tx, stages, recordedAt), this.publisher.publishNew(tx, records)]);
    return records.length;
  }

  /**
   * Every parcel of the plans with more than one, read after taking the plans' locks (in one
   * order, so two batches never deadlock on them). Without the lock two transactions delivering
   * the last two parcels of one plan at once each see the other parcel still moving (write skew),
   * and neither reports the order delivered. With it the second one waits, and its read (READ
   * COMMITTED: a new snapshot per statement) sees the first one's update. A one-parcel plan needs
   * no look-up: its shipment alone is the order's stage.
   */
  private async parcelsOfPlans(tx: PoolClient, changes: StatusChange[], updated: Shipment[]): Promise<Map<string, Shipment[]>> {
    const planIds = [...new Set(changes.filter((change) => change.shipment.planSubOrders > 1).map((change) => change.shipment.dispatchPlanId))];
    if (planIds.length === 0) return new Map();
    await tx.query('SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended($2 || p, 0) AS k FROM unnest($1::text[]) AS p ORDER BY k) AS locks', [planIds, 'shipment-plan:']);
    const ours = new Map(updated.map((shipment) => [`${shipment.dispatchPlanId}/${shipment.subOrderId}`, shipment]));
    const plans = new Map<string, Shipment[]>();
    for (const row of await this.shipments.ofPlans(tx, planIds)) {
      const parcel = ours.get(`${row.dispatchPlanId}/${row.subOrderId}`) ?? row;
      plans.set(row.dispatchPlanId, [...(plans.get(row.dispatchPlanId) ?? []), parcel]);
    }
    return plans;
  }
}

function statusChanged(orderId: string, shipment: Shipment, current: PublishedTrack, authoritative: ParsedTrack | undefined, orderStage: OrderShipmentStage | null, recordedAt: number) {
  return {
    orderId,
    dispatchPlanId: shipment.dispatchPlanId,
    subOrderId: shipment.subOrderId,
    carrier: shipment.carrier,
    trackingSource: shipment.trackingSource,
    trackingNumber: current.trackingNumber,
    status: current.status ?? ('EXCEPTION' as const),
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
  };
}
