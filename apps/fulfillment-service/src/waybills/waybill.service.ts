import type { PoolClient } from 'pg';
import type { DispatchPlanned, DispatchSubOrder } from '@oms/contracts';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { ConsigneeRepository } from '../orders/consignee.repository';
import type { Causation } from '../publishing/fulfillment.publisher';
import type { ReviewItemsRepository } from '../review/review-items.repository';
import type { ShipmentRepository } from '../tracking/shipment.repository';
import { waybillRequestOf } from './waybill-request.factory';

/**
 * DispatchPlanned → one waybill per sub-order. The consignee phone is verified through the
 * carrier's verification API first; a failed verification blocks the waybill and raises a review
 * item (no waybill is requested with an unverified phone). The request carries the extended
 * fields (consignee_phone_verified, delivery_deadline, ...). `shipped_at` is when the carrier
 * accepted the waybill: the moment the parcel is handed to it, which the credibility score
 * measures the carrier's first track against.
 */
export class WaybillService {
  constructor(
    private readonly carriers: CarrierRegistry,
    private readonly consignees: ConsigneeRepository,
    private readonly shipments: ShipmentRepository,
    private readonly reviews: ReviewItemsRepository,
  ) {}

  async issue(plan: DispatchPlanned, tx: PoolClient, causation: Causation): Promise<void> {
    for (const subOrder of plan.subOrders) {
      if (await this.shipments.find(tx, plan.dispatchPlanId, subOrder.subOrderId)) continue; // redelivered plan
      await this.requestWaybill(plan, subOrder, tx, causation);
    }
  }

  private async requestWaybill(plan: DispatchPlanned, subOrder: DispatchSubOrder, tx: PoolClient, causation: Causation): Promise<void> {
    const orderIds = [...new Set([plan.orderId, ...subOrder.lines.map((line) => line.orderId)])];
    const consignee = await this.consignees.find(tx, plan.orderId);
    const base = { dispatchPlanId: plan.dispatchPlanId, subOrderId: subOrder.subOrderId, planVersion: plan.planVersion, planSubOrders: plan.subOrders.length, orderIds, trackingNumber: null, shippedAt: null, shippedAtText: null };
    const review = { orderId: plan.orderId, dispatchPlanId: plan.dispatchPlanId };
    const carrier = subOrder.carrier ?? 'SF';
    const adapter = this.carriers.forCarrier(carrier);
    const shipmentBase = { ...base, carrier, trackingSource: adapter.source };
    if (!consignee) {
      await this.shipments.insert(tx, { ...shipmentBase, waybillState: 'BLOCKED' });
      await this.reviews.raise(tx, { ...review, dedupeKey: `phone:${plan.dispatchPlanId}:${subOrder.subOrderId}`, cause: 'PHONE_VERIFICATION_FAILED', carrier, detail: 'no consignee known for the order (OrderPlaced not seen): waybill blocked' }, causation);
      return;
    }
    const verification = await adapter.verifyPhone(waybillRequestOf(plan, subOrder, consignee, false));
    if (!verification.verified) {
      await this.shipments.insert(tx, { ...shipmentBase, waybillState: 'BLOCKED' });
      await this.reviews.raise(tx, { ...review, dedupeKey: `phone:${plan.dispatchPlanId}:${subOrder.subOrderId}`, cause: 'PHONE_VERIFICATION_FAILED', carrier, detail: `${adapter.source} phone verification failed: ${verification.detail}; waybill blocked`, rawPayload: verification.rawResponse }, causation);
      return;
    }
    const answer = await adapter.requestWaybill(waybillRequestOf(plan, subOrder, consignee, true), false);
    if (!answer.accepted || !answer.trackingNumber) {
      await this.shipments.insert(tx, { ...shipmentBase, waybillState: 'REJECTED' });
      await this.reviews.raise(tx, { ...review, dedupeKey: `waybill:${plan.dispatchPlanId}:${subOrder.subOrderId}`, cause: 'WAYBILL_REJECTED', carrier, detail: answer.detail }, causation);
      return;
    }
    const shippedAt = Date.now();
    await this.shipments.insert(tx, { ...shipmentBase, waybillState: 'REQUESTED', trackingNumber: answer.trackingNumber, shippedAt, shippedAtText: formatShanghaiTime(shippedAt) });
  }
}
