import type { EventMetadata } from '@oms/event-store';
import type { OrderCommand, OrderEvent, OrderRejection } from '@oms/order-domain';
import type { AvroEnrichment } from '../mapping/mapping-context';
import type { AvroOrderEvent } from '../mapping/order-event.mapper';
import type { LoadedOrder } from './loaded-order';

/** A command for the order aggregate, with what the events need beyond the domain. */
export interface OrderCommandRequest {
  command: OrderCommand;
  /** Facts of the ingress record for the Avro events (see {@link AvroEnrichment}). */
  enrichment?: AvroEnrichment;
  /** Correlation, causation, actor and trace of the events. */
  metadata: EventMetadata;
  /** Where the command came from (a topic, `http`), for rejected commands of unknown orders. */
  source: string;
  /**
   * A command for an order that does not exist: `record` its rejection in `rejected_commands`
   * (default), or `report` it to the caller, which knows better (payments wait for the order,
   * HTTP answers 404).
   */
  unknownOrder?: 'record' | 'report';
}

/** An event this command appended. */
export interface AppendedEvent {
  eventId: string;
  streamVersion: number;
  event: OrderEvent;
  record: AvroOrderEvent;
}

/** What became of a command. `order` is the order after it. */
export type CommandOutcome =
  | { kind: 'accepted'; order: LoadedOrder; appended: AppendedEvent[] }
  | { kind: 'rejected'; order: LoadedOrder; rejection: OrderRejection; appended: AppendedEvent[] }
  | { kind: 'unknown-order'; order: LoadedOrder; rejection: OrderRejection };
