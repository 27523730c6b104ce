import type { Address, CarrierCode } from '@oms/contracts';
import type { RecordedHttpClient } from '../calls/recorded-http.client';
import { answerJson, jsonPost } from '../carriers/carrier-http';

/** One line to reserve or check. */
export interface WarehouseLine {
  lineId: string;
  sku: string;
  quantity: number;
}

/** The WMS's answer to a reservation, as it wrote it. */
export interface WarehouseReservationAnswer {
  status: number;
  body: Record<string, unknown>;
  callId: string;
  requestId: string;
}

/** A dry-run answer: passed or not, the API's own words, the recorded call. */
export interface DryRunAnswer {
  passed: boolean;
  detail: string;
  callId: string;
}

/**
 * The warehouse (WMS) inventory API and the e-waybill (电子面单) platform, through the recorded
 * client. Reservations are idempotent by `reservationId` on the WMS side, so a retried handler
 * reserves once.
 */
export class WarehouseClient {
  constructor(
    private readonly http: RecordedHttpClient,
    private readonly warehouseUrl: string,
    private readonly eWaybillUrl: string,
  ) {}

  async reserve(orderId: string, reservationId: string, lines: WarehouseLine[]): Promise<WarehouseReservationAnswer> {
    const result = await this.http.call(jsonPost('WAREHOUSE', 'reserve-inventory', `${this.warehouseUrl}/wms/inventory/reservations`, { reservationId, orderId, lines }, { orderId }));
    return { status: result.status, body: answerJson(result.body), callId: result.callId, requestId: result.requestId };
  }

  async checkAvailability(orderId: string, warehouseId: string, lines: WarehouseLine[]): Promise<DryRunAnswer> {
    const result = await this.http.call(jsonPost('WAREHOUSE', 'check-availability', `${this.warehouseUrl}/wms/inventory/availability`, { warehouseId, lines }, { orderId }));
    const body = answerJson(result.body);
    const shortages = Array.isArray(body['shortages']) ? (body['shortages'] as Array<Record<string, unknown>>) : [];
    const detail = body['available'] === true
      ? `available at ${warehouseId}`
      : shortages.length > 0 ? shortages.map((s) => `${String(s['sku'])}: ${String(s['available'])} < ${String(s['requested'])}`).join('; ') : String(body['message'] ?? `HTTP ${result.status}`);
    return { passed: result.status === 200 && body['available'] === true, detail, callId: result.callId };
  }

  async validateEWaybill(orderId: string, request: { carrier: CarrierCode; warehouseId: string; subOrderId: string; address: Address; weightGrams: number }): Promise<DryRunAnswer> {
    const result = await this.http.call(jsonPost('E_WAYBILL', 'validate-e-waybill', `${this.eWaybillUrl}/ewaybill/validate`, request, { orderId }));
    const body = answerJson(result.body);
    return { passed: result.status === 200 && body['accepted'] === true, detail: String(body['reason'] ?? body['templateId'] ?? `HTTP ${result.status}`), callId: result.callId };
  }
}
