import type { InventoryReservationRequested, InventoryReservationResult, ReservationFailureReason, StockLine } from '@oms/contracts';
import { formatShanghaiTime, parseCarrierTime } from '@oms/fulfillment-domain';
import type { WarehouseReservationAnswer } from '../warehouse/warehouse.client';

const KNOWN_REASONS: readonly ReservationFailureReason[] = ['OUT_OF_STOCK', 'UNKNOWN_SKU', 'WAREHOUSE_UNAVAILABLE', 'TIMED_OUT'];

/**
 * The WMS's answer → InventoryReservationResult. 200 = reserved (lines with their warehouse); an
 * answer naming OUT_OF_STOCK or UNKNOWN_SKU = failed for that reason; any other answer = failed
 * as WAREHOUSE_UNAVAILABLE with the WMS's words as detail (order-service compensates either way).
 */
export function reservationResultOf(request: InventoryReservationRequested, answer: WarehouseReservationAnswer, now = Date.now()): InventoryReservationResult {
  const { body } = answer;
  const decided = typeof body['decidedAt'] === 'string' ? parseCarrierTime(body['decidedAt']) : null;
  const expires = typeof body['expiresAt'] === 'string' ? parseCarrierTime(body['expiresAt']) : null;
  const base = {
    orderId: request.orderId,
    reservationId: request.reservationId,
    wmsRequestId: answer.requestId,
    decidedAt: decided?.epochMs ?? now,
    decidedAtText: decided?.isoText ?? formatShanghaiTime(now),
  };
  if (answer.status === 200 && body['status'] === 'RESERVED') {
    return { ...base, outcome: 'RESERVED', failureReason: null, failureDetail: null, lines: reservedLines(request.lines, body['lines']), expiresAt: expires?.epochMs ?? null, expiresAtText: expires?.isoText ?? null };
  }
  const code = String(body['code'] ?? '');
  const reason = (KNOWN_REASONS as readonly string[]).includes(code) ? (code as ReservationFailureReason) : 'WAREHOUSE_UNAVAILABLE';
  const detail = String(body['message'] ?? `WMS answered HTTP ${answer.status}`);
  return { ...base, outcome: 'FAILED', failureReason: reason, failureDetail: detail, lines: request.lines, expiresAt: null, expiresAtText: null };
}

function reservedLines(requested: StockLine[], answered: unknown): StockLine[] {
  const byLine = new Map<string, string>();
  if (Array.isArray(answered)) {
    for (const line of answered as Array<Record<string, unknown>>) {
      if (typeof line['lineId'] === 'string' && typeof line['warehouseId'] === 'string') byLine.set(line['lineId'], line['warehouseId']);
    }
  }
  return requested.map((line) => ({ ...line, warehouseId: byLine.get(line.lineId) ?? line.warehouseId }));
}
