import { formatIsoDateTime, type Actor, type OrderCommand, type OrderCommandOfType, type OrderCommandType, type OrderLine, type ShippingAddress } from '@oms/order-domain';

// Test fixtures for one order, in the vocabulary the ingress translators produce (channel and
// roles as the Avro symbols spell them, reservation failures as `SYMBOL[: detail]`).

export const CREATOR: Actor = { actorId: 'cust-42', role: 'customer' };
export const SUPERVISOR: Actor = { actorId: 'cs-7', role: 'customer_service_supervisor' };
export const WAREHOUSE_MANAGER: Actor = { actorId: 'wh-3', role: 'warehouse_manager' };
export const STRANGER: Actor = { actorId: 'cust-99', role: 'customer' };
export const AGENT: Actor = { actorId: 'cs-1', role: 'customer_service_agent' };

export const LINES: OrderLine[] = [
  { lineId: 'L1', sku: 'TEA-LJ-250G', quantity: 2, unitPrice: 12_800 },
  { lineId: 'L2', sku: 'CUP-GLASS-01', quantity: 1, unitPrice: 3_900 },
];
export const TOTAL = 27_500;
export const TX = '4200002214202406181234567890';
export const TX2 = '4200002214202406189999999999';
export const OUT_TRADE_NO = '20240618103000017001';
export const PLAN_ID = 'dp_20240618_000123';
export const ADDRESS: ShippingAddress = {
  recipientName: '王小明', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文一西路 588 号', postalCode: '310012',
};

/** 2024-06-18T10:30:00+08:00 plus `minutes`, in the given offset (`+08:00` or `Z`). */
export function atMinute(minutes: number, offset: '+08:00' | 'Z' = '+08:00'): { occurredAt: number; occurredAtText: string } {
  const epochMs = Date.parse('2024-06-18T10:30:00.000+08:00') + minutes * 60_000;
  const occurredAtText = formatIsoDateTime({ epochMs, offsetMinutes: offset === 'Z' ? 0 : 480, offsetText: offset });
  return { occurredAt: epochMs, occurredAtText };
}

type DataOf<T extends OrderCommandType> = OrderCommandOfType<T>['data'];
type Body<T extends OrderCommandType> = Omit<DataOf<T>, 'orderId' | 'commandId' | 'occurredAt' | 'occurredAtText'>;

/** The order every builder addresses; tests that need several orders pass `orderId` as an override. */
export const ORDER_ID = '6f1c2a1e-8a4b-5c3d-9e2f-0123456789ab';

function command<T extends OrderCommandType>(type: T, minute: number, body: Body<T>, overrides: Partial<DataOf<T>>): OrderCommandOfType<T> {
  const data = { orderId: ORDER_ID, commandId: `cmd-${type}-${minute}`, ...atMinute(minute), ...body, ...overrides };
  return { type, data } as unknown as OrderCommandOfType<T>;
}

/** Command builders with valid defaults; overrides say what a test is about. */
export const cmd = {
  placeOrder: (o: Partial<DataOf<'PlaceOrder'>> = {}) =>
    command('PlaceOrder', 0, {
      channel: 'MINI_PROGRAM', channelOrderId: 'MP20240618103000017', customerId: 'cust-42', phone: '13800138000', address: ADDRESS,
      invoiceTitle: '杭州青叶贸易有限公司', lines: LINES, totalAmount: TOTAL, currency: 'CNY', promotion: { promotionId: 'CPN-618-20', discountAmount: 2_000 },
      attribution: { source: 'wechat', medium: 'article', campaign: '618_tea' }, createdBy: CREATOR, averageShipDuration: 'PT24H',
    }, o),
  notification: (o: Partial<DataOf<'AcceptPaymentNotification'>> = {}) =>
    command('AcceptPaymentNotification', 1, {
      provider: 'WECHAT_PAY', transactionId: TX, outTradeNo: OUT_TRADE_NO, amount: TOTAL, currency: 'CNY',
      signatureVerified: true, httpStatusAnswered: 200, paidAt: atMinute(1).occurredAt, paidAtText: atMinute(1).occurredAtText,
    }, o),
  confirmation: (o: Partial<DataOf<'ConfirmPayment'>> = {}) =>
    command('ConfirmPayment', 2, {
      provider: 'WECHAT_PAY', transactionId: TX, outTradeNo: OUT_TRADE_NO, amount: TOTAL, currency: 'CNY', tradeState: 'SUCCESS', rawResponse: '{"trade_state":"SUCCESS"}',
    }, o),
  timeoutCheck: (o: Partial<DataOf<'CheckPaymentConfirmationTimeout'>> = {}) => command('CheckPaymentConfirmationTimeout', 30, { confirmationTimeout: 'PT15M' }, o),
  reservation: (o: Partial<DataOf<'ReserveInventoryResult'>> = {}) =>
    command('ReserveInventoryResult', 3, { reservationId: `${ORDER_ID}/rsv/1`, outcome: 'RESERVED', reason: null }, o),
  invoice: (o: Partial<DataOf<'ConfirmInvoice'>> = {}) => command('ConfirmInvoice', 4, { invoiceNumber: '24332000000012345678', invoiceTitle: '杭州青叶贸易有限公司' }, o),
  plan: (o: Partial<DataOf<'RecordDispatchPlan'>> = {}) => command('RecordDispatchPlan', 5, { dispatchPlanId: PLAN_ID, version: 1 }, o),
  progress: (o: Partial<DataOf<'RecordShipmentProgress'>> = {}) => command('RecordShipmentProgress', 60, { stage: 'SHIPPED', dispatchPlanId: PLAN_ID }, o),
  complete: (o: Partial<DataOf<'CompleteOrder'>> = {}) => command('CompleteOrder', 10_000, {}, o),
  requestRefund: (o: Partial<DataOf<'RequestRefund'>> = {}) => command('RequestRefund', 20, { actor: SUPERVISOR, detail: 'customer asked' }, o),
  completeRefund: (o: Partial<DataOf<'CompleteRefund'>> = {}) =>
    command('CompleteRefund', 40, { refundId: '50300908092024061800012345', amount: TOTAL, currency: 'CNY', outcome: 'SUCCEEDED', detail: 'SUCCESS' }, o),
  cancel: (o: Partial<DataOf<'CancelOrder'>> = {}) => command('CancelOrder', 10, { actor: CREATOR, detail: 'changed my mind' }, o),
  changeAddress: (o: Partial<DataOf<'ChangeAddress'>> = {}) =>
    command('ChangeAddress', 6, { actor: CREATOR, address: { ...ADDRESS, detail: '文二西路 1 号' }, phone: '13900139000' }, o),
  changeLines: (o: Partial<DataOf<'ChangeLines'>> = {}) => command('ChangeLines', 6, { actor: CREATOR, lines: [LINES[0]!], totalAmount: 25_600 }, o),
} satisfies Record<string, (o?: never) => OrderCommand>;
