import type { PoolClient } from 'pg';
import type { DecodedRecord } from '@oms/contracts';
import type { ConsumedMessage } from '@oms/messaging';
import type { ConsigneeRepository } from '../orders/consignee.repository';
import type { InventoryReservationService } from '../reservation/inventory-reservation.service';
import type { SandboxValidationService } from '../sandbox/sandbox-validation.service';
import type { OrderStageRepository } from '../tracking/order-stage.repository';
import type { WaybillService } from '../waybills/waybill.service';
import { causationOf } from './causation';

/**
 * The order log (`oms.order.events.v1`) as fulfilment reads it: the consignee from OrderPlaced
 * and OrderAddressChanged, reservations to make, proposals to dry-run, issued plans to get
 * waybills for, shipment stages the order recorded. Every other order event is none of fulfilment's business and is passed over.
 */
export class OrderLogService {
  constructor(
    private readonly consignees: ConsigneeRepository,
    private readonly reservations: InventoryReservationService,
    private readonly sandbox: SandboxValidationService,
    private readonly waybills: WaybillService,
    private readonly stages: OrderStageRepository,
  ) {}

  async handle(message: ConsumedMessage<DecodedRecord>, tx: PoolClient): Promise<void> {
    const record = message.value;
    const causation = causationOf(message);
    switch (record.recordName) {
      case 'OrderPlaced':
        return this.consignees.save(tx, record.value.orderId, { name: record.value.recipientName, phone: record.value.recipientPhone, address: record.value.shippingAddress });
      case 'OrderAddressChanged':
        return this.consignees.save(tx, record.value.orderId, { name: record.value.recipientName, phone: record.value.recipientPhone, address: record.value.address });
      case 'InventoryReservationRequested':
        return this.reservations.reserve(record.value, tx, causation);
      case 'DispatchProposed':
        return this.sandbox.validate(record.value, tx, causation);
      case 'DispatchPlanned':
        return this.waybills.issue(record.value, tx, causation);
      case 'OrderShipmentProgressed':
        // What order-service recorded, for the status-sync detector.
        return this.stages.recorded(tx, record.value.orderId, record.value.progress, record.value.occurredAt);
      default:
        return;
    }
  }
}
