import { businessDateFor, outcomeInstant, type BankLine, type ExpectedFlow, type InventoryLogEntry, type ReconciliationResult } from '@oms/reconciliation-domain';

/** Everything a matching run derives: the two sides, the inventory log and the match result. */
export interface ProjectionSnapshot {
  flows: ExpectedFlow[];
  bankLines: BankLine[];
  inventoryLog: InventoryLogEntry[];
  result: ReconciliationResult;
  /** The clock's reading the result was computed at. */
  asOf: number;
  /** How many facts and bank lines the run read: what it has seen. */
  factsSeen: number;
  linesSeen: number;
}

/** The business date (Asia/Shanghai) of an outcome: its earliest order-side time, else its bank time. */
export function businessDateOf(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): string {
  return businessDateFor(outcomeInstant(flows, lines));
}
