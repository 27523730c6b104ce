import type { PoolClient } from 'pg';
import type { OrderCommandService } from '../orders/order-command.service';
import { commandContextOf } from './command-context';
import { confirmInvoiceRequest, reserveInventoryRequest } from './fulfilment.translator';
import { expectRecord, type IngressMessage } from './ingress-record';

/** Invoices (`oms.ingress.invoices.v1`) and the warehouse's reservation answers (`oms.fulfillment.events.v1`). */
export class FulfilmentIngressService {
  constructor(private readonly orders: OrderCommandService) {}

  async confirmInvoice(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value } = expectRecord(message, 'InvoiceConfirmation');
    await this.orders.execute(confirmInvoiceRequest(value, commandContextOf(message, 'erp'), message.topic), client);
  }

  async reserveInventory(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value } = expectRecord(message, 'InventoryReservationResult');
    await this.orders.execute(reserveInventoryRequest(value, commandContextOf(message, 'fulfillment'), message.topic), client);
  }
}
