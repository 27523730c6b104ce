import type { RecordName, RecordTypes } from '../generated';
import { dispatchFixtures } from './dispatch-fixtures';
import { fulfillmentFixtures } from './fulfillment-fixtures';
import { ingressFixtures } from './ingress-fixtures';
import { orderEventFixtures } from './order-event-fixtures';

/** A sample value for every record; the mapped type makes a missing record a compile error. */
export type RecordFixtures = { readonly [N in RecordName]: RecordTypes[N] };

/**
 * Realistic sample values of every record, telling one order's story (WeChat mini-program order,
 * WeChat Pay, Hangzhou warehouse, SF Express). Shared objects: use {@link recordFixture} for a
 * copy you may change.
 */
export const recordFixtures: RecordFixtures = { ...ingressFixtures, ...orderEventFixtures, ...fulfillmentFixtures, ...dispatchFixtures };

/**
 * A deep copy of the sample value of `recordName`, with `overrides` applied on top.
 *
 * @example
 * const refund = recordFixture('RefundRequested', { refundAmount: 27_500 });
 */
export function recordFixture<N extends RecordName>(recordName: N, overrides: Partial<RecordTypes[N]> = {}): RecordTypes[N] {
  return { ...structuredClone(recordFixtures[recordName]), ...overrides };
}
