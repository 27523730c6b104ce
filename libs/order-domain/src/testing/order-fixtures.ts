import type { OrderCommand, OrderCommandOfType, OrderCommandType } from '../commands/order-command';
import type { Actor, OrderLine, ShippingAddress } from '../model/order-values';
import { formatIsoDateTime, parseIsoDateTime } from '../time/iso-date-time';

/** Test fixtures: one order, its people, its money and a fixed clock. Test-only, not exported. */
export const ORDER_ID = 'order-1';
export const CREATOR: Actor = { actorId: 'customer-42', role: 'customer' };
export const SUPERVISOR: Actor = { actorId: 'cs-7', role: 'customer_service_supervisor' };
export const WAREHOUSE_MANAGER: Actor = { actorId: 'wh-3', role: 'warehouse_manager' };
export const STRANGER: Actor = { actorId: 'customer-99', role: 'customer' };
export const AGENT: Actor = { actorId: 'cs-1', role: 'customer_service_agent' };

export const LINES: OrderLine[] = [
  { lineId: 'l1', sku: 'SKU-CAT-FOOD', quantity: 2, unitPrice: 4990 },
  { lineId: 'l2', sku: 'SKU-TOY', quantity: 1, unitPrice: 1500 },
];
export const TOTAL = 11480;
export const TX = '4200001234202601201234567890';
export const TX2 = '4200009999202601209999999999';
export const OUT_TRADE_NO = 'OMS20260120-0001';
export const PLAN_ID = 'plan-1';

export const ADDRESS: ShippingAddress = {
  recipientName: 'Li Lei', province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', detail: '1 Wenyi Rd', postalCode: '310000',
};

/** The fixed "now" of the tests: 2026-01-20 14:22:03 in Shanghai. */
export const T0_TEXT = '2026-01-20T14:22:03.000+08:00';
const T0 = parseIsoDateTime(T0_TEXT)!;

/** `{ occurredAt, occurredAtText }` at `minutes` after T0, in +08:00. */
export function atMinute(minutes: number): { occurredAt: number; occurredAtText: string } {
  const epochMs = T0.epochMs + minutes * 60_000;
  return { occurredAt: epochMs, occurredAtText: formatIsoDateTime({ ...T0, epochMs }) };
}

type DataOf<T extends OrderCommandType> = OrderCommandOfType<T>['data'];
type Body<T extends OrderCommandType> = Omit<DataOf<T>, 'orderId' | 'commandId' | 'occurredAt' | 'occurredAtText'>;

function command<T extends OrderCommandType>(type: T, body: Body<T>, overrides: Partial<DataOf<T>>): OrderCommandOfType<T> {
  const data = { orderId: ORDER_ID, commandId: `cmd-${type}`, ...atMinute(0), ...body, ...overrides };
  return { type, data } as unknown as OrderCommandOfType<T>;
}

/** Command builders with valid defaults; pass overrides for what a test is about. */
export const cmd = {
  placeOrder: (o: Partial<DataOf<'PlaceOrder'>> = {}) =>
    command('PlaceOrder', {
      channel: 'douyin', channelOrderId: 'DY-1001', customerId: 'cust-42', phone: '13800138000', address: ADDRESS,
      invoiceTitle: 'Li Lei', lines: LINES, totalAmount: TOTAL, currency: 'CNY', promotion: null,
      attribution: { source: 'douyin', medium: 'live', campaign: '2026q1' }, createdBy: CREATOR, averageShipDuration: 'PT24H',
    }, o),
  notification: (o: Partial<DataOf<'AcceptPaymentNotification'>> = {}) =>
    command('AcceptPaymentNotification', {
      provider: 'WECHAT_PAY', transactionId: TX, outTradeNo: OUT_TRADE_NO, amount: TOTAL, currency: 'CNY',
      signatureVerified: true, httpStatusAnswered: 200, paidAt: atMinute(1).occurredAt, paidAtText: atMinute(1).occurredAtText,
    }, { ...atMinute(1), ...o }),
  confirmation: (o: Partial<DataOf<'ConfirmPayment'>> = {}) =>
    command('ConfirmPayment', {
      provider: 'WECHAT_PAY', transactionId: TX, outTradeNo: OUT_TRADE_NO, amount: TOTAL, currency: 'CNY',
      tradeState: 'SUCCESS', rawResponse: '{"trade_state":"SUCCESS"}',
    }, { ...atMinute(2), ...o }),
  timeoutCheck: (o: Partial<DataOf<'CheckPaymentConfirmationTimeout'>> = {}) =>
    command('CheckPaymentConfirmationTimeout', { confirmationTimeout: 'PT15M' }, { ...atMinute(30), ...o }),
  reservation: (o: Partial<DataOf<'ReserveInventoryResult'>> = {}) =>
    command('ReserveInventoryResult', { reservationId: 'res-1', outcome: 'RESERVED', reason: null }, { ...atMinute(3), ...o }),
  invoice: (o: Partial<DataOf<'ConfirmInvoice'>> = {}) =>
    command('ConfirmInvoice', { invoiceNumber: 'INV-1', invoiceTitle: 'Li Lei' }, { ...atMinute(4), ...o }),
  plan: (o: Partial<DataOf<'RecordDispatchPlan'>> = {}) =>
    command('RecordDispatchPlan', { dispatchPlanId: PLAN_ID, version: 1 }, { ...atMinute(5), ...o }),
  progress: (o: Partial<DataOf<'RecordShipmentProgress'>> = {}) =>
    command('RecordShipmentProgress', { stage: 'SHIPPED', dispatchPlanId: PLAN_ID }, { ...atMinute(60), ...o }),
  complete: (o: Partial<DataOf<'CompleteOrder'>> = {}) => command('CompleteOrder', {}, { ...atMinute(10_000), ...o }),
  requestRefund: (o: Partial<DataOf<'RequestRefund'>> = {}) =>
    command('RequestRefund', { actor: SUPERVISOR, detail: 'customer asked' }, { ...atMinute(20), ...o }),
  completeRefund: (o: Partial<DataOf<'CompleteRefund'>> = {}) =>
    command('CompleteRefund', { refundId: 'refund-1', amount: TOTAL, currency: 'CNY', outcome: 'SUCCEEDED', detail: 'ok' }, { ...atMinute(40), ...o }),
  cancel: (o: Partial<DataOf<'CancelOrder'>> = {}) =>
    command('CancelOrder', { actor: CREATOR, detail: 'changed my mind' }, { ...atMinute(10), ...o }),
  changeAddress: (o: Partial<DataOf<'ChangeAddress'>> = {}) =>
    command('ChangeAddress', { actor: CREATOR, address: { ...ADDRESS, detail: '2 Wenyi Rd' }, phone: '13900139000' }, { ...atMinute(6), ...o }),
  changeLines: (o: Partial<DataOf<'ChangeLines'>> = {}) =>
    command('ChangeLines', { actor: CREATOR, lines: [LINES[0]], totalAmount: 9980 }, { ...atMinute(6), ...o }),
} satisfies Record<string, (o?: never) => OrderCommand>;
