import type { RecordTypes } from '../generated';
import {
  epochMs,
  fixtureAddress,
  fixtureBuyer,
  fixtureIds as id,
  fixtureLines,
  fixtureStockLines,
  fixtureSystem,
  fixtureTimes as t,
} from './fixture-values';
import { ingressFixtures } from './ingress-fixtures';
import { orderEventHead as head } from './order-event-head';

type Name =
  | 'OrderPlaced'
  | 'PaymentNotificationAccepted'
  | 'PaymentConfirmed'
  | 'OrderPaid'
  | 'InventoryReservationRequested'
  | 'InventoryReserved'
  | 'InventoryReservationFailed'
  | 'RefundRequested'
  | 'RefundCompleted'
  | 'OrderClosed';

const order = ingressFixtures.ChannelOrder;

/** Order events from placement to payment, reservation and compensation. */
export const paymentAndStockEventFixtures: { [N in Name]: RecordTypes[N] } = {
  OrderPlaced: {
    ...head('2024-06-18T10:30:00.402+08:00'),
    channel: order.channel,
    channelOrderId: id.channelOrderId,
    shopId: id.shopId,
    outTradeNo: id.outTradeNo,
    customerId: id.customerId,
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    shippingAddress: fixtureAddress,
    invoice: order.invoice,
    lines: fixtureLines,
    currency: 'CNY',
    itemsTotal: 29_500,
    discountTotal: 2_000,
    shippingFee: 0,
    payableTotal: 27_500,
    promotions: order.promotions,
    attribution: order.attribution,
    buyerMessage: order.buyerMessage,
    estimatedShipTime: epochMs('2024-06-19T10:30:00.402+08:00'),
    estimatedShipTimeText: '2024-06-19T10:30:00.402+08:00',
    averageShipDuration: 'PT24H',
    createdBy: fixtureBuyer,
    channelCreatedAt: epochMs(t.created),
    channelCreatedAtText: t.created,
  },
  PaymentNotificationAccepted: {
    ...head('2024-06-18T10:31:05.160+08:00'),
    provider: 'WECHAT_PAY',
    notificationId: id.notificationId,
    transactionId: id.transactionId,
    outTradeNo: id.outTradeNo,
    amount: 27_500,
    currency: 'CNY',
    signatureVerified: true,
    httpStatusAnswered: 200,
    providerSuccessAt: epochMs(t.paid),
    providerSuccessAtText: t.paid,
  },
  PaymentConfirmed: {
    ...head('2024-06-18T10:31:05.501+08:00'),
    provider: 'WECHAT_PAY',
    transactionId: id.transactionId,
    outTradeNo: id.outTradeNo,
    tradeState: 'SUCCESS',
    amount: 27_500,
    currency: 'CNY',
    queryHttpStatus: 200,
    rawResponse: ingressFixtures.PaymentConfirmation.rawResponse,
  },
  OrderPaid: {
    ...head('2024-06-18T10:31:05.503+08:00'),
    provider: 'WECHAT_PAY',
    transactionId: id.transactionId,
    outTradeNo: id.outTradeNo,
    amount: 27_500,
    currency: 'CNY',
    paidAt: epochMs(t.paid),
    paidAtText: t.paid,
    notificationId: id.notificationId,
    confirmedAt: epochMs(t.confirmed),
    confirmedAtText: t.confirmed,
  },
  InventoryReservationRequested: {
    ...head('2024-06-18T10:31:05.510+08:00'),
    reservationId: id.reservationId,
    lines: fixtureStockLines.map((line) => ({ ...line, warehouseId: null })),
    orderLines: fixtureLines,
  },
  InventoryReserved: {
    ...head('2024-06-18T10:31:06.230+08:00'),
    reservationId: id.reservationId,
    lines: fixtureStockLines,
    expiresAt: epochMs('2024-06-18T11:31:06.210+08:00'),
    expiresAtText: '2024-06-18T11:31:06.210+08:00',
  },
  InventoryReservationFailed: {
    ...head('2024-06-18T10:31:06.232+08:00'),
    reservationId: id.reservationId,
    reason: 'OUT_OF_STOCK',
    detail: 'CUP-GLASS-01 可用库存 0',
    failedLines: [fixtureStockLines[1]],
  },
  RefundRequested: {
    ...head('2024-06-18T10:31:06.240+08:00'),
    provider: 'WECHAT_PAY',
    outTradeNo: id.outTradeNo,
    outRefundNo: id.outRefundNo,
    transactionId: id.transactionId,
    refundAmount: 3_400,
    currency: 'CNY',
    reason: 'INVENTORY_RESERVATION_FAILED',
    detail: 'line L2 could not be reserved',
    requestedBy: fixtureSystem,
  },
  RefundCompleted: {
    ...head('2024-06-18T10:40:24.010+08:00'),
    provider: 'WECHAT_PAY',
    outRefundNo: id.outRefundNo,
    refundId: id.refundId,
    refundAmount: 3_400,
    currency: 'CNY',
    succeededAt: epochMs('2024-06-18T10:40:21+08:00'),
    succeededAtText: '2024-06-18T10:40:21+08:00',
  },
  OrderClosed: {
    ...head('2024-06-18T10:40:24.020+08:00'),
    reason: 'REFUNDED',
    detail: 'refunded in full after the reservation failed',
    closedBy: fixtureSystem,
  },
};
