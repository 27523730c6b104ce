import { epochMs, fixtureIds } from './fixture-values';

/** The three fields every order event starts with, for the fixture order at `isoText`. */
export function orderEventHead(isoText: string): { orderId: string; occurredAt: number; occurredAtText: string } {
  return { orderId: fixtureIds.orderId, occurredAt: epochMs(isoText), occurredAtText: isoText };
}
