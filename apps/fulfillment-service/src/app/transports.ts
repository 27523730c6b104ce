/**
 * The service consumes through two subscriptions, each a Nest transport of its own
 * (`@EventPattern(topic, transport)`). The order log makes warehouse and carrier calls per record,
 * so its transactions stay short; carrier tracks are written a chunk at a time, so theirs are long.
 */
export const ORDER_LOG_TRANSPORT = Symbol('fulfillment-service order log and WMS scans');
export const CARRIER_TRACKS_TRANSPORT = Symbol('fulfillment-service carrier tracks');

/** The consumer group of the carrier-tracks subscription, beside the order log's `KAFKA_GROUP_ID`. */
export function carrierTracksGroupId(groupId: string): string {
  return `${groupId}.carrier-tracks`;
}
