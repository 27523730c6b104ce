import type { StockLine } from '@oms/contracts';
import type { InventoryLogs } from '../report/anomaly-row';
import type { RecordedFact } from './recorded-fact';

/** One line of an order's inventory operation log, as the report prints it. */
export interface InventoryLogEntry {
  factId: string;
  orderId: string;
  occurredAt: number;
  entry: string;
}

const stock = (lines: readonly StockLine[]): string => lines.map((line) => `${line.sku}×${line.quantity}${line.warehouseId ? `@${line.warehouseId}` : ''}`).join(' ');

/** The log line of an inventory fact, or null for any other fact. Text only from the record: reproducible. */
function entryOf(fact: RecordedFact): string | null {
  switch (fact.recordName) {
    case 'InventoryReservationRequested':
      return `${fact.value.occurredAtText} order-service reservation requested ${fact.value.reservationId}: ${stock(fact.value.lines)}`;
    case 'InventoryReserved':
      return `${fact.value.occurredAtText} order-service reserved ${fact.value.reservationId}: ${stock(fact.value.lines)}`;
    case 'InventoryReservationFailed':
      return `${fact.value.occurredAtText} order-service reservation failed ${fact.value.reservationId}: ${fact.value.reason}${fact.value.detail ? ` (${fact.value.detail})` : ''} ${stock(fact.value.failedLines)}`;
    case 'InventoryReservationResult': {
      const value = fact.value;
      const failure = value.outcome === 'FAILED' ? ` ${value.failureReason ?? ''}${value.failureDetail ? ` (${value.failureDetail})` : ''}` : '';
      return `${value.decidedAtText} WMS ${value.outcome} ${value.reservationId}${failure}: ${stock(value.lines)}${value.wmsRequestId ? ` [wms ${value.wmsRequestId}]` : ''}`;
    }
    default:
      return null;
  }
}

/** The inventory operation log of every order, from the order log's and the warehouse's reservation facts. */
export function inventoryLogFromFacts(facts: readonly RecordedFact[]): InventoryLogEntry[] {
  const entries: InventoryLogEntry[] = [];
  for (const fact of facts) {
    const entry = entryOf(fact);
    if (entry === null) continue;
    const value = fact.value as { orderId: string; occurredAt?: number; decidedAt?: number };
    entries.push({ factId: fact.factId, orderId: value.orderId, occurredAt: value.occurredAt ?? value.decidedAt ?? 0, entry });
  }
  return entries;
}

/** The report's view: lines by order id, in time order (ties by fact id), independent of arrival order. */
export function inventoryLogsOf(entries: readonly InventoryLogEntry[]): InventoryLogs {
  const sorted = [...entries].sort((a, b) => a.occurredAt - b.occurredAt || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0));
  const logs = new Map<string, string[]>();
  for (const { orderId, entry } of sorted) {
    const log = logs.get(orderId);
    if (log) log.push(entry);
    else logs.set(orderId, [entry]);
  }
  return logs;
}
