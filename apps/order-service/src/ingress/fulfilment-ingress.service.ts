import type { PoolClient } from 'pg';
import type { OrderCommandService } from '../orders/order-command.service';
import { commandContextOf } from './command-context';
import { confirmInvoiceRequest, recordShipmentProgressRequest, reserveInventoryRequest } from './fulfilment.translator';
import { expectRecord, type IngressMessage } from './ingress-record';

/** Invoices (`oms.ingress.invoices.v1`) and the fulfilment side's records (`oms.fulfillment.events.v1`): reservation answers, shipment progress. */
export class FulfilmentIngressService {
  constructor(private readonly orders: OrderCommandService) {}

  async confirmInvoice(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value } = expectRecord(message, 'InvoiceConfirmation');
    await this.orders.execute(confirmInvoiceRequest(value, commandContextOf(message, 'erp'), message.topic), client);
  }

  async reserveInventory(message: IngressMessage, client: PoolClient): Promise<void> {
    // The fulfilment topic also carries shipment progress and fulfilment review items.
    if (message.value.recordName === 'ShipmentStatusChanged') return this.recordShipmentProgress(message, client);
    // Fulfilment review items are for the reconciliation review queue; the order's log does not take them.
    if (message.value.recordName === 'FulfillmentReviewItemRaised') return;
    const { value } = expectRecord(message, 'InventoryReservationResult');
    await this.orders.execute(reserveInventoryRequest(value, commandContextOf(message, 'fulfillment'), message.topic), client);
  }

  /** ShipmentStatusChanged → RecordShipmentProgress (partially_shipped, shipped, in_delivery, delivered). */
  async recordShipmentProgress(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value } = expectRecord(message, 'ShipmentStatusChanged');
    const request = recordShipmentProgressRequest(value, commandContextOf(message, 'fulfillment'), message.topic);
    if (request) await this.orders.execute(request, client);
  }
}
