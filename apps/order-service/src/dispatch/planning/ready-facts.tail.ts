import { decode, type DecodedRecord } from '@oms/contracts';
import type { LoggedEvent } from '@oms/event-store';
import { readyOrderFacts, READY_FACT_RECORDS, type ReadyOrderFacts } from './ready-order.facts';

/** Streams followed at once; the oldest is dropped beyond it (its ready facts are then read from its stream). */
const DEFAULT_LIMIT = 10_000;

interface Followed {
  /** The stream version the next event must have: the stream was seen whole up to the one before. */
  next: number;
  records: DecodedRecord[];
}

/**
 * The ready-order facts of the streams the feed saw whole in the log. The feed reads every
 * event of the log in order, so by an order's `OrderReadyToDispatch` it has usually seen the
 * order's placement and payment already: kept here, they save reading the stream again. Only a
 * stream seen from version 1 without a gap counts (a restart mid-log, a page another instance
 * read, a page read again after a rollback all break that); otherwise {@link factsAt} answers
 * `undefined` and the caller reads the stream, as it always could.
 */
export class ReadyFactsTail {
  private readonly followed = new Map<string, Followed>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Takes the next event of the log. */
  see(event: LoggedEvent): void {
    const known = this.followed.get(event.streamId);
    if (event.streamVersion === 1 && event.type === 'OrderPlaced') return this.follow(event);
    if (!known) return;
    if (known.next !== event.streamVersion) return void this.followed.delete(event.streamId);
    known.next += 1;
    if (READY_FACT_RECORDS.has(event.type)) known.records.push(decode(event.payload));
  }

  /**
   * The facts of an order whose `OrderReadyToDispatch` at `readyVersion` was the last event
   * {@link see}n of its stream, or `undefined` when the stream was not seen whole. The stream is
   * no longer followed afterwards (a later readiness is read from the stream).
   */
  factsAt(orderId: string, readyVersion: number): ReadyOrderFacts | null | undefined {
    const known = this.followed.get(orderId);
    this.followed.delete(orderId);
    if (!known || known.next !== readyVersion + 1) return undefined;
    return readyOrderFacts(known.records);
  }

  private follow(event: LoggedEvent): void {
    this.followed.delete(event.streamId); // re-inserted last: Map order is the age order
    this.followed.set(event.streamId, { next: 2, records: [decode(event.payload)] });
    if (this.followed.size > this.limit) this.followed.delete(this.followed.keys().next().value as string);
  }
}
