import type { PoolClient } from 'pg';
import type { InventoryReservationRequested } from '@oms/contracts';
import type { Causation, FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import type { WarehouseClient } from '../warehouse/warehouse.client';
import { reservationResultOf } from './reservation-answer.mapper';

/**
 * InventoryReservationRequested → the WMS inventory API → InventoryReservationResult. A WMS that
 * does not answer (every attempt 5xx or timed out, all recorded) throws CallFailedError: the
 * message is retried later rather than answered with a guess.
 */
export class InventoryReservationService {
  constructor(
    private readonly warehouse: WarehouseClient,
    private readonly publisher: FulfillmentPublisher,
  ) {}

  async reserve(request: InventoryReservationRequested, tx: PoolClient, causation: Causation): Promise<void> {
    const lines = request.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
    const answer = await this.warehouse.reserve(request.orderId, request.reservationId, lines);
    const result = reservationResultOf(request, answer);
    await this.publisher.publish(tx, 'InventoryReservationResult', result, `InventoryReservationResult:${request.reservationId}`, causation);
  }
}
