import type { RecordTypes } from '@oms/contracts';
import type { OrderEventMeta, OrderEventOfType, OrderEventType } from '@oms/order-domain';
import type { MappingContext } from './mapping-context';

/**
 * Both directions for one event type. The event type name is the Avro record name, so
 * `RecordTypes[T]` is the record of domain event `T` — a domain event without a record of the
 * same name does not compile.
 */
export interface EventMapper<T extends OrderEventType> {
  toAvro(event: OrderEventOfType<T>, context: MappingContext): RecordTypes[T];
  fromAvro(value: RecordTypes[T]): OrderEventOfType<T>;
}

/** The three fields every order event and every order-event record starts with. */
export function metaOf(data: OrderEventMeta): OrderEventMeta {
  return { orderId: data.orderId, occurredAt: data.occurredAt, occurredAtText: data.occurredAtText };
}

/** A domain event of type `type` with `data` (meta included). */
export function eventOf<T extends OrderEventType>(type: T, data: OrderEventOfType<T>['data']): OrderEventOfType<T> {
  return { type, data } as OrderEventOfType<T>;
}
