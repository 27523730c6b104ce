import { encode, Topics, type OutgoingMessage } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import type { MessageProducer } from '@oms/messaging';
import type { PublishedEvent } from './order-event-log';

/**
 * ERP and the warehouse as order-service sees them: an invoice for every `OrderPlaced`, a
 * RESERVED answer for every `InventoryReservationRequested` — published in batches every few ms.
 */
export class DownstreamSimulator {
  private pending: OutgoingMessage[] = [];
  private timer?: NodeJS.Timeout;
  private sending = Promise.resolve();

  constructor(private readonly producer: MessageProducer) {}

  start(): void {
    this.timer = setInterval(() => this.flush(), 5);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sending;
  }

  async onEvent(event: PublishedEvent): Promise<void> {
    const { orderId } = event;
    if (event.type === 'OrderPlaced') {
      const invoice = recordFixture('InvoiceConfirmation', { orderId, invoiceNumber: `INV-${orderId}` });
      this.pending.push({ topic: Topics.ingressInvoices, key: orderId, value: encode('InvoiceConfirmation', invoice), headers: { 'message-id': `inv-${orderId}` } });
    }
    if (event.type === 'InventoryReservationRequested') {
      const reservationId = String(event.value['reservationId']);
      const answer = recordFixture('InventoryReservationResult', { orderId, reservationId });
      this.pending.push({ topic: Topics.fulfillmentEvents, key: orderId, value: encode('InventoryReservationResult', answer), headers: { 'message-id': `rsv-${reservationId}` } });
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    // A failed send is retried with the next batch: the answers must not be lost.
    this.sending = this.sending.then(() => this.producer.send(batch).catch(() => void this.pending.unshift(...batch)));
  }
}
