import { createHash } from 'node:crypto';
import { encode, Headers, Topics, type ChannelOrder, type OutgoingMessage } from '@oms/contracts';

/** The Kafka key of a channel order on `oms.ingress.orders.v1`: `channel:channelOrderId`. */
export const orderReferenceOf = (order: Pick<ChannelOrder, 'channel' | 'channelOrderId'>): string => `${order.channel}:${order.channelOrderId}`;

/**
 * The record of an accepted channel order. The `message-id` covers the raw payload, so a
 * channel's retry of the same webhook carries the same id (consumers drop it), while a changed
 * order (same id, new payload) is a new message. Throws `InvalidRecordError` naming the fields.
 */
export function channelOrderMessage(order: ChannelOrder): OutgoingMessage {
  const reference = orderReferenceOf(order);
  const payloadHash = createHash('sha256').update(order.rawPayload).digest('hex').slice(0, 16);
  return {
    topic: Topics.ingressOrders,
    key: reference,
    value: encode('ChannelOrder', order),
    headers: {
      [Headers.messageId]: `channel-order:${reference}:${payloadHash}`,
      [Headers.correlationId]: `channel-order:${reference}`,
      [Headers.eventType]: 'ChannelOrder',
    },
  };
}
