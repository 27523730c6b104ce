import { bankLineOfInput } from '@oms/bank-statements';
import { flowsFromFacts, inventoryLogFromFacts, type BankLine, type ExpectedFlow, type InventoryLogEntry, type RecordedFact } from '@oms/reconciliation-domain';
import type { StoredStatementLine } from '../statements/statement-line-input';

/** The matching inputs derived from the stored inputs. */
export interface DerivedInputs {
  flows: ExpectedFlow[];
  bankLines: BankLine[];
  inventoryLog: InventoryLogEntry[];
}

/**
 * Flows, bank lines and the inventory log from the stored facts and lines: pure functions of the
 * libraries, so a rebuild equals the live projection.
 */
export function deriveInputs(facts: readonly RecordedFact[], lines: readonly StoredStatementLine[]): DerivedInputs {
  return { flows: flowsFromFacts(facts), bankLines: lines.map((stored) => bankLineOfInput(stored.input, stored.lineId)), inventoryLog: inventoryLogFromFacts(facts) };
}
