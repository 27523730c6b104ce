import { decode, encode, type DecodedRecord, type RecordName, type RecordTypes } from '@oms/contracts';
import type { OrderEvent, OrderEventOfType, OrderEventType } from '@oms/order-domain';
import { commandRejectedMapper, reviewItemRaisedMapper } from './audit-events.mapper';
import type { EventMapper } from './event-mapper';
import {
  inventoryReservationFailedMapper,
  inventoryReservationRequestedMapper,
  inventoryReservedMapper,
  invoiceConfirmedMapper,
  orderReadyToDispatchMapper,
} from './fulfilment-events.mapper';
import type { MappingContext } from './mapping-context';
import { orderAddressChangedMapper, orderLinesChangedMapper } from './order-change-events.mapper';
import { orderPlacedMapper } from './order-placed.mapper';
import { orderPaidMapper, paymentConfirmedMapper, paymentNotificationAcceptedMapper } from './payment-events.mapper';
import { orderClosedMapper, refundCompletedMapper, refundRequestedMapper } from './refund-events.mapper';
import { dispatchPlannedMapper, orderCompletedMapper, orderShipmentProgressedMapper } from './shipment-events.mapper';
import { UnmappableEventError } from './unmappable-event.error';

/** One mapper per domain event type: a missing type is a compile error. */
const MAPPERS: { readonly [T in OrderEventType]: EventMapper<T> } = {
  OrderPlaced: orderPlacedMapper,
  PaymentNotificationAccepted: paymentNotificationAcceptedMapper,
  PaymentConfirmed: paymentConfirmedMapper,
  OrderPaid: orderPaidMapper,
  InventoryReservationRequested: inventoryReservationRequestedMapper,
  InventoryReserved: inventoryReservedMapper,
  InventoryReservationFailed: inventoryReservationFailedMapper,
  RefundRequested: refundRequestedMapper,
  RefundCompleted: refundCompletedMapper,
  OrderClosed: orderClosedMapper,
  InvoiceConfirmed: invoiceConfirmedMapper,
  OrderReadyToDispatch: orderReadyToDispatchMapper,
  DispatchPlanned: dispatchPlannedMapper,
  OrderShipmentProgressed: orderShipmentProgressedMapper,
  OrderCompleted: orderCompletedMapper,
  OrderAddressChanged: orderAddressChangedMapper,
  OrderLinesChanged: orderLinesChangedMapper,
  CommandRejected: commandRejectedMapper,
  ReviewItemRaised: reviewItemRaisedMapper,
};

/** The domain event types, which are also the Avro record names of `oms.order.events.v1`. */
export const ORDER_EVENT_TYPES = Object.keys(MAPPERS) as OrderEventType[];

/** An order event as an Avro record: its record name (= the event type) and value. */
export type AvroOrderEvent = { [T in OrderEventType]: { recordName: T; value: RecordTypes[T] } }[OrderEventType];

/** True when `name` is an order event's record. */
export function isOrderEventRecord(name: RecordName): name is OrderEventType {
  return Object.hasOwn(MAPPERS, name);
}

/** The Avro record of a domain event. Throws {@link UnmappableEventError} rather than lose a value. */
export function toAvroRecord(event: OrderEvent, context: MappingContext): AvroOrderEvent {
  const mapper = MAPPERS[event.type] as EventMapper<OrderEventType>;
  try {
    return { recordName: event.type, value: mapper.toAvro(event as OrderEventOfType<OrderEventType>, context) } as AvroOrderEvent;
  } catch (error) {
    if (error instanceof RangeError) throw new UnmappableEventError(event.type, error.message);
    throw error;
  }
}

/** The domain event of an order-event record, whichever schema version wrote it. */
export function fromAvroRecord(record: AvroOrderEvent | DecodedRecord): OrderEvent {
  if (!isOrderEventRecord(record.recordName)) throw new UnmappableEventError(record.recordName, 'it is not an order event record');
  const mapper = MAPPERS[record.recordName] as EventMapper<OrderEventType>;
  return mapper.fromAvro(record.value as RecordTypes[OrderEventType]);
}

/** Avro single-object bytes of a domain event, as stored in the event store and published. */
export function encodeOrderEvent(event: OrderEvent, context: MappingContext): Buffer {
  const { recordName, value } = toAvroRecord(event, context);
  return encode(recordName, value);
}

/** A stored or published order event back as its domain event and its Avro record. */
export function decodeOrderEvent(bytes: Uint8Array): { event: OrderEvent; record: DecodedRecord } {
  const record = decode(bytes);
  return { event: fromAvroRecord(record), record };
}
