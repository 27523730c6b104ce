import { Headers, Topics, type OutgoingMessage, type PaymentNotification } from '@oms/contracts';
import { SinglePassRecordWriter } from '../../infrastructure/single-pass-record.writer';

// Every accepted notification is encoded on the intake's path, from a record our mapper just built.
let paymentNotifications: SinglePassRecordWriter<'PaymentNotification'> | undefined;

/**
 * The Kafka record of a notification on `oms.ingress.payments.v1`, keyed by out_trade_no. The
 * `message-id` is the dedupe key (provider, transaction, trade state), so if a crash ever makes
 * the gateway publish a fact twice, consumers' inboxes drop the second copy.
 */
export function paymentNotificationMessage(record: PaymentNotification): OutgoingMessage {
  return {
    topic: Topics.ingressPayments,
    key: record.outTradeNo,
    value: (paymentNotifications ??= new SinglePassRecordWriter('PaymentNotification')).write(record),
    headers: {
      [Headers.messageId]: `payment-notification:${record.provider}:${record.transactionId}:${record.tradeState}`,
      [Headers.correlationId]: record.notificationId,
      [Headers.causationId]: record.notificationId,
      [Headers.eventType]: 'PaymentNotification',
    },
  };
}
