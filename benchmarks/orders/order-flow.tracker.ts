import type { DecodedRecord, OutgoingMessage } from '@oms/contracts';
import type { ConsumedMessage, MessageProducer } from '@oms/messaging';
import { invoiceMessage, reservationMessage } from './bench-orders';

/**
 * Reads `oms.order.events.v1` as the downstream systems do: ERP answers `OrderPlaced` with the
 * invoice, the warehouse answers each reservation request (both batched every few ms); and
 * notes when each order was sent and became ready.
 */
export class OrderFlowTracker {
  readonly sentAt = new Map<string, number>();
  readonly readyAt = new Map<string, number>();
  /** Events that should not happen in a clean run (refusals, review items), by type. */
  readonly anomalies = new Map<string, number>();
  eventsSeen = 0;
  private pending: OutgoingMessage[] = [];
  private timer?: NodeJS.Timeout;
  private flushing = Promise.resolve();

  constructor(
    private readonly prefix: string,
    private readonly producer: MessageProducer,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), 5);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  async handle(message: ConsumedMessage<DecodedRecord>): Promise<void> {
    const orderId = message.key ?? '';
    this.eventsSeen += 1;
    switch (message.value.recordName) {
      case 'OrderPlaced':
        // The benchmark derives order ids itself; an unknown one means that derivation drifted.
        if (!this.sentAt.has(orderId)) this.anomalies.set('OrderPlaced with an unexpected order id', (this.anomalies.get('OrderPlaced with an unexpected order id') ?? 0) + 1);
        this.pending.push(invoiceMessage(this.prefix, orderId));
        return;
      case 'InventoryReservationRequested':
        this.pending.push(reservationMessage(this.prefix, orderId, (message.value.value as { reservationId: string }).reservationId));
        return;
      case 'OrderReadyToDispatch':
        if (!this.readyAt.has(orderId)) this.readyAt.set(orderId, Date.now());
        return;
      case 'CommandRejected':
      case 'ReviewItemRaised':
        this.anomalies.set(message.value.recordName, (this.anomalies.get(message.value.recordName) ?? 0) + 1);
        return;
    }
  }

  /** How many of `orderIds` are ready. */
  readyCount(orderIds: readonly string[]): number {
    return orderIds.filter((orderId) => this.readyAt.has(orderId)).length;
  }

  private flush(): Promise<void> {
    if (this.pending.length === 0) return this.flushing;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.producer.send(batch));
    return this.flushing;
  }
}
