/**
 * A domain event holds a value its Avro record cannot represent (an actor role outside
 * `ActorRole`, a channel outside `SalesChannel`, …). The mapper refuses rather than guess, so the
 * two models can never silently drift apart: an event is either stored losslessly or not at all.
 */
export class UnmappableEventError extends Error {
  constructor(eventType: string, problem: string) {
    super(`${eventType} cannot be written as Avro: ${problem}`);
    this.name = 'UnmappableEventError';
  }
}
