import type { CarrierCode, RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';

/** A sub-order for a test plan: one SKU line of one order. */
export interface TestSubOrder {
  subOrderId: string;
  warehouseId: string;
  carrier: CarrierCode;
  sku: string;
  quantity: number;
}

/** OrderPlaced of a test order with its consignee phone. */
export function orderPlaced(orderId: string, recipientPhone: string): RecordTypes['OrderPlaced'] {
  return recordFixture('OrderPlaced', { orderId, recipientPhone });
}

function subOrdersOf(orderId: string, subOrders: TestSubOrder[]): RecordTypes['DispatchPlanned']['subOrders'] {
  return subOrders.map((subOrder) => ({
    subOrderId: subOrder.subOrderId,
    warehouseId: subOrder.warehouseId,
    slaHours: 24,
    customsClearanceRequired: false,
    minPackageWeightGrams: 300,
    carrier: subOrder.carrier,
    lines: [{ orderId, lineId: `${subOrder.subOrderId}-L1`, sku: subOrder.sku, quantity: subOrder.quantity }],
  }));
}

/** DispatchProposed (version `planVersion`) of a test order. */
export function dispatchProposed(orderId: string, planVersion: number, subOrders: TestSubOrder[]): RecordTypes['DispatchProposed'] {
  return recordFixture('DispatchProposed', { orderId, dispatchPlanId: `dp-${orderId}`, planVersion, subOrders: subOrdersOf(orderId, subOrders) });
}

/** DispatchPlanned (version 1) of a test order. */
export function dispatchPlanned(orderId: string, subOrders: TestSubOrder[]): RecordTypes['DispatchPlanned'] {
  return recordFixture('DispatchPlanned', { orderId, dispatchPlanId: `dp-${orderId}`, planVersion: 1, subOrders: subOrdersOf(orderId, subOrders), occurredAt: Date.now() });
}
