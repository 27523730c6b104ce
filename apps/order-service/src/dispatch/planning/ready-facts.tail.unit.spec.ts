import { decode, encode, type RecordName, type RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import type { LoggedEvent } from '@oms/event-store';
import { ReadyFactsTail } from './ready-facts.tail';
import { readyOrderFacts } from './ready-order.facts';

const ORDER = 'o-1';

/** A log event of `ORDER`'s stream at `streamVersion`, payload as the store holds it. */
function logged<N extends RecordName>(name: N, streamVersion: number, streamId = ORDER): LoggedEvent {
  const payload = Buffer.from(encode(name, recordFixture(name) as RecordTypes[N]));
  return {
    globalPosition: streamVersion, transactionId: String(streamVersion), streamId, streamVersion, eventId: `e-${streamId}-${streamVersion}`, type: name,
    schemaFingerprint: payload.subarray(2, 10), payload, metadata: { correlationId: 'c', causationId: 'c', actor: 'test' }, occurredAt: 0, recordedAt: 0,
  };
}

const NAMES: RecordName[] = [
  'OrderPlaced', 'PaymentNotificationAccepted', 'OrderAddressChanged', 'PaymentConfirmed', 'OrderPaid', 'OrderLinesChanged',
  'InventoryReservationRequested', 'InventoryReserved', 'InvoiceConfirmed', 'OrderReadyToDispatch',
];
const history = () => NAMES.map((name, index) => logged(name, index + 1));
const READY_VERSION = NAMES.length;

describe('ReadyFactsTail (ready facts of the streams the feed saw whole)', () => {
  it('gives, for a stream seen from its start, the facts its whole stream gives', () => {
    const tail = new ReadyFactsTail();
    for (const event of history()) tail.see(event);
    expect(tail.factsAt(ORDER, READY_VERSION)).toEqual(readyOrderFacts(history().map((event) => decode(event.payload))));
  });

  it('answers undefined (read the stream) after a gap, a start mid-stream, a re-read page, or for an unknown order', () => {
    const gap = new ReadyFactsTail();
    for (const event of history().filter((event) => event.streamVersion !== 4)) gap.see(event);
    expect(gap.factsAt(ORDER, READY_VERSION)).toBeUndefined();

    const midStream = new ReadyFactsTail();
    for (const event of history().slice(1)) midStream.see(event);
    expect(midStream.factsAt(ORDER, READY_VERSION)).toBeUndefined();

    const reRead = new ReadyFactsTail();
    for (const event of [...history().slice(0, 5), ...history().slice(3)]) reRead.see(event);
    expect(reRead.factsAt(ORDER, READY_VERSION)).toBeUndefined();

    expect(new ReadyFactsTail().factsAt('o-unknown', 1)).toBeUndefined();
  });

  it('answers once, and only at the version it saw last', () => {
    const tail = new ReadyFactsTail();
    for (const event of history()) tail.see(event);
    expect(tail.factsAt(ORDER, READY_VERSION - 1)).toBeUndefined();
    for (const event of history()) tail.see(event);
    expect(tail.factsAt(ORDER, READY_VERSION)).not.toBeUndefined();
    expect(tail.factsAt(ORDER, READY_VERSION)).toBeUndefined();
  });

  it('drops the oldest stream beyond its limit', () => {
    const tail = new ReadyFactsTail(1);
    tail.see(logged('OrderPlaced', 1, 'o-old'));
    for (const event of history()) tail.see(event);
    tail.see(logged('OrderPaid', 2, 'o-old'));
    expect(tail.factsAt(ORDER, READY_VERSION)).toBeDefined();
    expect(tail.factsAt('o-old', 2)).toBeUndefined();
  });
});
