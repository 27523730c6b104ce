import { createHash } from 'node:crypto';

/** Namespace of order ids (a fixed random UUID): the same channel order always gets the same id. */
const ORDER_ID_NAMESPACE = Buffer.from('8d5c2f6e0b7a4e1c9f3a2d4b6c8e0a1f', 'hex');

/**
 * The order id of a channel order: a name-based UUID (RFC 9562 version 5, SHA-1) of
 * `channel:channelOrderId`. Deterministic, so a channel re-sending an order — or two gateway
 * instances both publishing it — lands on the same stream, and the ingress key
 * (`channel:channelOrderId`) always maps to one order.
 *
 * @example
 * orderIdOf('DOUYIN', '6919400412345678') // '…-5…-…' (same input, same id)
 */
export function orderIdOf(channel: string, channelOrderId: string): string {
  const hash = createHash('sha1').update(ORDER_ID_NAMESPACE).update(`${channel}:${channelOrderId}`, 'utf8').digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
