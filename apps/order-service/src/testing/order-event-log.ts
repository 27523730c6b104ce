import { decode, Headers, Topics, type DecodedRecord } from '@oms/contracts';
import type { ConsumedMessage, MessageBus, Subscription } from '@oms/messaging';
import { waitFor } from '@oms/testing';

/** One record read back from `oms.order.events.v1`. */
export interface PublishedEvent {
  orderId: string;
  eventId: string;
  type: string;
  streamVersion: number;
  value: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Reads `oms.order.events.v1` like any downstream consumer (its own group, inbox dedup by
 * message id) and keeps each order's events; `onEvent` lets a test act as the fulfilment side.
 */
export class OrderEventLog {
  private readonly byOrder = new Map<string, PublishedEvent[]>();
  private subscription?: Subscription;

  constructor(private readonly onEvent: (event: PublishedEvent) => Promise<void> = async () => undefined) {}

  async start<TClient>(bus: MessageBus<TClient>, groupId: string): Promise<void> {
    this.subscription = await bus.subscribe<DecodedRecord>({
      groupId,
      topics: [Topics.orderEvents],
      decode: (bytes) => decode(bytes),
      handler: (message) => this.record(message),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  /** The event types of an order, in the order they arrived. */
  typesOf(orderId: string): string[] {
    return this.eventsOf(orderId).map((event) => event.type);
  }

  eventsOf(orderId: string): PublishedEvent[] {
    return this.byOrder.get(orderId) ?? [];
  }

  /** Orders for which an event of `type` arrived. */
  ordersWith(type: string): string[] {
    return [...this.byOrder.entries()].filter(([, events]) => events.some((event) => event.type === type)).map(([orderId]) => orderId);
  }

  /** Waits until the order has an event of `type`; returns it. */
  waitForEvent(orderId: string, type: string, timeoutMs = 20_000): Promise<PublishedEvent> {
    return waitFor(`${type} of order ${orderId} (so far: ${this.typesOf(orderId).join(', ') || 'nothing'})`, () => this.eventsOf(orderId).find((event) => event.type === type), { timeoutMs });
  }

  private async record(message: ConsumedMessage<DecodedRecord>): Promise<void> {
    const event: PublishedEvent = {
      orderId: message.key ?? '',
      eventId: message.headers[Headers.messageId] ?? '',
      type: message.value.recordName,
      streamVersion: Number(message.headers['stream-version']),
      value: message.value.value as unknown as Record<string, unknown>,
      headers: message.headers,
    };
    const events = this.byOrder.get(event.orderId) ?? [];
    events.push(event);
    this.byOrder.set(event.orderId, events);
    await this.onEvent(event);
  }
}
