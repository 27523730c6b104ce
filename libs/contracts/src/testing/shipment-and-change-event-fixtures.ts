import type { RecordTypes } from '../generated';
import { epochMs, fixtureAddress, fixtureBuyer, fixtureIds as id, fixtureLines, fixtureTimes as t } from './fixture-values';
import { orderEventHead as head } from './order-event-head';

type Name =
  | 'InvoiceConfirmed'
  | 'OrderReadyToDispatch'
  | 'DispatchProposed'
  | 'DispatchPlanned'
  | 'OrderShipmentProgressed'
  | 'OrderCompleted'
  | 'OrderAddressChanged'
  | 'OrderLinesChanged'
  | 'CommandRejected'
  | 'ReviewItemRaised';

const supervisor = { actorId: 'cs-sup-021', role: 'CUSTOMER_SERVICE_SUPERVISOR', displayName: '客服主管 李娜' } as const;

/** The one sub-order of the fixture order's plan, as proposed and as issued. */
const dispatchSubOrders: RecordTypes['DispatchPlanned']['subOrders'] = [
  {
    subOrderId: 'S1',
    warehouseId: id.warehouseId,
    slaHours: 24,
    customsClearanceRequired: false,
    minPackageWeightGrams: 600,
    carrier: 'SF',
    lines: fixtureLines.map(({ lineId, sku, quantity }) => ({ orderId: id.orderId, lineId, sku, quantity })),
  },
];
const dispatchDecisionInputs = JSON.stringify({ vectors: { 'TEA-LJ-250G': { warehouseId: id.warehouseId, slaHours: 24 } }, relatedOrders: [] });

/** Order events from invoicing to dispatch, shipment, completion, changes and exceptions. */
export const shipmentAndChangeEventFixtures: { [N in Name]: RecordTypes[N] } = {
  InvoiceConfirmed: {
    ...head('2024-06-18T10:32:40.300+08:00'),
    invoiceNumber: '24332000000012345678',
    invoiceCode: null,
    invoiceType: 'DIGITAL_SPECIAL',
    title: '杭州青叶贸易有限公司',
    amountIncludingTax: 27_500,
    taxAmount: 3_164,
    currency: 'CNY',
    issuedAt: epochMs(t.invoiced),
    issuedAtText: t.invoiced,
  },
  OrderReadyToDispatch: {
    ...head('2024-06-18T10:32:40.310+08:00'),
    reservationId: id.reservationId,
    invoiceNumber: '24332000000012345678',
    decisionDeadline: epochMs('2024-06-18T10:33:10.310+08:00'),
    decisionDeadlineText: '2024-06-18T10:33:10.310+08:00',
  },
  DispatchProposed: {
    ...head('2024-06-18T10:33:10.320+08:00'),
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 1,
    previousPlanVersion: null,
    relatedOrderIds: [],
    subOrders: dispatchSubOrders,
    shippingAddress: fixtureAddress,
    decisionInputs: dispatchDecisionInputs,
  },
  DispatchPlanned: {
    ...head(t.planned),
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 1,
    previousPlanVersion: null,
    relatedOrderIds: [],
    subOrders: dispatchSubOrders,
    decisionInputs: dispatchDecisionInputs,
    sandboxValidated: true,
  },
  OrderShipmentProgressed: {
    ...head('2024-06-18T16:05:12.880+08:00'),
    progress: 'SHIPPED',
    dispatchPlanId: id.dispatchPlanId,
    subOrderId: 'S1',
    carrier: 'SF',
    trackingNumber: id.trackingNumber,
    carrierStatusText: '已揽收',
    trackCredibilityScore: 100,
    progressedAt: epochMs(t.shipped),
    progressedAtText: t.shipped,
  },
  OrderCompleted: {
    ...head('2024-06-26T14:22:40+08:00'),
    trigger: 'AUTO_CONFIRMED',
    deliveredAt: epochMs(t.delivered),
    deliveredAtText: t.delivered,
  },
  OrderAddressChanged: {
    ...head('2024-06-18T10:35:12.004+08:00'),
    previousAddress: fixtureAddress,
    address: { ...fixtureAddress, street: null, detail: '文一西路 588 号 5 幢 0801 室' },
    recipientName: '王小明',
    recipientPhone: '13800138000',
    changedBy: supervisor,
    reason: '买家来电更正楼栋',
  },
  OrderLinesChanged: {
    ...head('2024-06-18T10:36:00.120+08:00'),
    previousLines: fixtureLines,
    lines: [fixtureLines[0]],
    payableTotal: 24_100,
    currency: 'CNY',
    changedBy: supervisor,
    reason: '买家取消茶杯',
    previousPayableTotal: 27_500,
  },
  CommandRejected: {
    ...head('2024-06-18T16:10:00.500+08:00'),
    command: 'ChangeAddress',
    commandId: 'msg-9a51f3c2',
    state: 'shipped',
    reason: 'ChangeAddress is not allowed in state shipped',
    requestedBy: fixtureBuyer,
    code: 'ILLEGAL_TRANSITION',
  },
  ReviewItemRaised: {
    ...head('2024-06-18T21:50:02.310+08:00'),
    reviewItemId: 'rev-20240618-0007',
    cause: 'CARRIER_STATUS_DOUBT',
    detail: 'SF pushed 运输中 (opCode 30) but its route query answers 派送中; mapped status left unchanged',
    subjectRef: id.trackingNumber,
    detailedCause: null,
    reviewKey: `CARRIER_STATUS_DOUBT:${id.trackingNumber}`,
  },
};
