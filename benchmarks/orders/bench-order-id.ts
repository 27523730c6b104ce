import { createHash } from 'node:crypto';

/**
 * order-service's id of a channel order (a name-based UUID v5 of `channel:channelOrderId`, see
 * apps/order-service/README.md). Repeated here because a benchmark may not import an app; the
 * benchmark checks every `OrderPlaced` key against it, so a drift fails the run loudly.
 */
export function benchOrderIdOf(channel: string, channelOrderId: string): string {
  const hash = createHash('sha1').update(Buffer.from('8d5c2f6e0b7a4e1c9f3a2d4b6c8e0a1f', 'hex')).update(`${channel}:${channelOrderId}`, 'utf8').digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
