import { Topics, type RecordName, type RecordTypes } from '@oms/contracts';
import { epochMs, recordFixture } from '@oms/contracts/testing';

/** One record the test publishes. */
export interface PlannedRecord<N extends RecordName = RecordName> {
  topic: string;
  key: string;
  recordName: N;
  value: RecordTypes[N];
  messageId: string;
}

/** What a planted day must produce. */
export interface PlantedDay {
  businessDate: string;
  records: PlannedRecord[];
  /** The review items the report must show, as `cause` + the out_trade_no or bank ref involved. */
  anomalies: Array<{ cause: string; ref: string }>;
  /** Orders whose flows must all match cleanly. */
  cleanOrders: string[];
  ids: { stockOutOrder: string; stockOutTrade: string; amountMismatchOrder: string };
}

const DATE = '2024-06-18';

/**
 * One business day (2024-06-18, Asia/Shanghai) with every rule exercised, ids unique per `runId`:
 * a clean payment (second-precision provider time), the stock-out refund (paid, out of stock 1.7 s
 * after paid_at — the field case is "within 3 s" — refunded: +X and −X both on the statement), a
 * split settlement, a merged cart, and
 * four planted anomalies — one fen short, 501 ms apart, no bank line after the window, a bank line
 * nobody paid. Plus an order-service and a fulfillment-service review record for the single queue.
 */
export function plantedDay(runId: string): PlantedDay {
  const records: PlannedRecord[] = [];
  let sequence = 0;
  const add = <N extends RecordName>(topic: string, key: string, recordName: N, value: RecordTypes[N]): void => {
    records.push({ topic, key, recordName, value, messageId: `${runId}-${recordName}-${++sequence}` });
  };
  const trade = (n: number): { orderId: string; outTradeNo: string; transactionId: string } => ({
    orderId: `ord_${runId}_${n}`,
    outTradeNo: `${runId}T${n}`,
    transactionId: `4200${runId}${String(n).padStart(6, '0')}`,
  });
  // `recordedAfterMs`: how long after paid_at order-service recorded the payment (its query to the provider).
  const pay = (n: number, amount: number, paidAtText: string, recordedAfterMs = 3_000): ReturnType<typeof trade> => {
    const ids = trade(n);
    const head = { orderId: ids.orderId, occurredAt: epochMs(paidAtText) + recordedAfterMs, occurredAtText: paidAtText };
    add(Topics.orderEvents, ids.orderId, 'OrderPaid', recordFixture('OrderPaid', { ...head, ...ids, amount, paidAt: epochMs(paidAtText), paidAtText, notificationId: `${runId}-pn-${n}` }));
    add(Topics.ingressPayments, ids.outTradeNo, 'PaymentConfirmation', recordFixture('PaymentConfirmation', { ...withoutOrder(ids), amount, successAt: epochMs(paidAtText), successAtText: paidAtText, rawResponse: `{"out_trade_no":"${ids.outTradeNo}","trade_state":"SUCCESS","amount":{"total":${amount}}}` }));
    return ids;
  };
  const bank = (ref: string, amount: number, timeText: string, transactionId: string | null, remark: string | null = null): void => {
    add(Topics.ingressBankStatements, `${runId}${ref}`, 'BankStatementLine', recordFixture('BankStatementLine', {
      bankTransactionRef: `${runId}${ref}`,
      amount,
      paymentTransactionId: transactionId,
      remark: remark ?? (transactionId ? `微信支付 ${transactionId}` : '跨行汇款'),
      transactedAt: epochMs(timeText),
      transactedAtText: timeText,
      bookingDate: DATE,
    }));
  };

  const clean = pay(1, 27_500, '2024-06-18T10:31:02+08:00');
  bank('B1', 27_500, '2024-06-18T10:31:02.412+08:00', clean.transactionId);

  // The transient case from the field: paid, out of stock within 3 s of paid_at (here 1.7 s:
  // recorded 0.5 s after paid_at, the warehouse refuses 1.2 s later), refunded in full.
  const stockOut = pay(2, 12_800, '2024-06-18T11:00:00+08:00', 500);
  const reservation = `rsv_${runId}_2`;
  add(Topics.orderEvents, stockOut.orderId, 'InventoryReservationRequested', recordFixture('InventoryReservationRequested', { ...at(stockOut.orderId, '2024-06-18T11:00:00.510+08:00'), reservationId: reservation }));
  add(Topics.fulfillmentEvents, stockOut.orderId, 'InventoryReservationResult', recordFixture('InventoryReservationResult', {
    orderId: stockOut.orderId, reservationId: reservation, outcome: 'FAILED', failureReason: 'OUT_OF_STOCK', failureDetail: 'TEA-LJ-250G 可用库存 0', expiresAt: null, expiresAtText: null,
    decidedAt: epochMs('2024-06-18T11:00:01.700+08:00'), decidedAtText: '2024-06-18T11:00:01.700+08:00',
  }));
  add(Topics.orderEvents, stockOut.orderId, 'InventoryReservationFailed', recordFixture('InventoryReservationFailed', { ...at(stockOut.orderId, '2024-06-18T11:00:01.710+08:00'), reservationId: reservation }));
  const outRefundNo = `${runId}R2`;
  add(Topics.orderEvents, stockOut.orderId, 'RefundRequested', recordFixture('RefundRequested', { ...at(stockOut.orderId, '2024-06-18T11:00:01.720+08:00'), ...withoutOrder(stockOut), outRefundNo, refundAmount: 12_800 }));
  add(Topics.ingressPayments, stockOut.outTradeNo, 'RefundResult', recordFixture('RefundResult', {
    ...withoutOrder(stockOut), outRefundNo, refundId: `5030${runId}000002`, refundAmount: 12_800, totalAmount: 12_800,
    successAt: epochMs('2024-06-18T11:00:09+08:00'), successAtText: '2024-06-18T11:00:09+08:00', receivedAt: epochMs('2024-06-18T11:00:10+08:00'), receivedAtText: '2024-06-18T11:00:10+08:00',
  }));
  bank('B2', 12_800, '2024-06-18T11:00:00.300+08:00', stockOut.transactionId);
  bank('B2R', -12_800, '2024-06-18T11:00:09.200+08:00', stockOut.transactionId, `退款 ${outRefundNo}`);

  const split = pay(3, 20_000, '2024-06-18T12:00:00+08:00');
  bank('B3a', 12_000, '2024-06-18T12:00:00.100+08:00', split.transactionId);
  bank('B3b', 8_000, '2024-06-18T12:00:00.200+08:00', split.transactionId);

  const mergedA = pay(4, 10_000, '2024-06-18T13:00:00+08:00');
  const mergedB = pay(5, 15_000, '2024-06-18T13:00:00+08:00');
  bank('B4', 25_000, '2024-06-18T13:00:00.400+08:00', mergedA.transactionId, `合并支付 ${mergedA.transactionId} ${mergedB.transactionId}`);

  const short = pay(6, 9_900, '2024-06-18T14:00:00+08:00');
  bank('B6', 9_899, '2024-06-18T14:00:00.300+08:00', short.transactionId);
  add(Topics.fulfillmentEvents, short.orderId, 'InventoryReservationResult', recordFixture('InventoryReservationResult', {
    orderId: short.orderId, reservationId: `rsv_${runId}_6`, decidedAt: epochMs('2024-06-18T14:00:04.100+08:00'), decidedAtText: '2024-06-18T14:00:04.100+08:00',
  }));
  add(Topics.orderEvents, short.orderId, 'ReviewItemRaised', recordFixture('ReviewItemRaised', { ...at(short.orderId, '2024-06-18T14:05:00.000+08:00'), reviewItemId: `${runId}-rev-6`, reviewKey: null }));
  add(Topics.fulfillmentEvents, short.orderId, 'FulfillmentReviewItemRaised', recordFixture('FulfillmentReviewItemRaised', { orderId: short.orderId, reviewItemId: `${runId}-fri-6`, raisedAt: epochMs('2024-06-18T20:12:01.400+08:00') }));

  // Millisecond provider time, bank 501 ms later: certainly over 500 ms.
  const late = pay(7, 5_000, '2024-06-18T15:00:00.000+08:00');
  bank('B7', 5_000, '2024-06-18T15:00:00.501+08:00', late.transactionId);

  // Paid at 08:15: its settlement window (24 h) has ended by the 09:00 report of the next day.
  const unsettled = pay(8, 3_300, '2024-06-18T08:15:00+08:00');

  bank('B9', 77_700, '2024-06-18T16:00:00+08:00', null, '不明来款');

  return {
    businessDate: DATE,
    records,
    anomalies: [
      { cause: 'MISSING_BANK_LINE', ref: unsettled.outTradeNo },
      { cause: 'MISSING_PAYMENT', ref: `${runId}B9` },
      { cause: 'AMOUNT_MISMATCH', ref: short.outTradeNo },
      { cause: 'TIME_GAP', ref: late.outTradeNo },
    ],
    cleanOrders: [clean.orderId, stockOut.orderId, split.orderId, mergedA.orderId, mergedB.orderId],
    ids: { stockOutOrder: stockOut.orderId, stockOutTrade: stockOut.outTradeNo, amountMismatchOrder: short.orderId },
  };
}

function withoutOrder(ids: { outTradeNo: string; transactionId: string }): { outTradeNo: string; transactionId: string } {
  return { outTradeNo: ids.outTradeNo, transactionId: ids.transactionId };
}

function at(orderId: string, text: string): { orderId: string; occurredAt: number; occurredAtText: string } {
  return { orderId, occurredAt: epochMs(text), occurredAtText: text };
}
