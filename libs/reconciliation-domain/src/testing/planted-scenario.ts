import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import type { ReviewCause } from '../model/review-item';
import { bankLine, payment, refund } from './reconciliation-builders';

/** What one generated case plants: a clean shape, or exactly one anomaly of a known cause. */
export type PlantedCase = 'clean' | 'split' | 'merged' | 'refunded' | 'fenOff' | 'late' | 'noBank' | 'orphanLine';

/** The anomaly each case plants (none for the clean shapes). */
export const PLANTED_CAUSE: Record<PlantedCase, ReviewCause | null> = {
  clean: null, split: null, merged: null, refunded: null,
  fenOff: 'AMOUNT_MISMATCH', late: 'TIME_GAP', noBank: 'MISSING_BANK_LINE', orphanLine: 'MISSING_PAYMENT',
};

const PAID = '2024-06-18T10:31:02.000+08:00';
const BANK = '2024-06-18T10:31:02.250+08:00';

/** Flows and lines for a list of cases; ids come from the case index, so they are unique. */
export function plantScenario(cases: readonly { kind: PlantedCase; amount: number }[]): { flows: ExpectedFlow[]; lines: BankLine[] } {
  const flows: ExpectedFlow[] = [];
  const lines: BankLine[] = [];
  cases.forEach(({ kind, amount }, index) => {
    const id = String(index);
    const half = Math.floor(amount / 2);
    if (kind !== 'orphanLine') flows.push(payment(id, amount, PAID, kind === 'merged' ? { combinedRef: `CART-${id}` } : {}));
    if (kind === 'merged') flows.push(payment(`${id}m`, amount, PAID, { combinedRef: `CART-${id}` }));
    if (kind === 'clean' || kind === 'refunded') lines.push(bankLine(`B${id}`, amount, [`TX-${id}`], BANK));
    if (kind === 'split') lines.push(bankLine(`B${id}a`, half, [`TX-${id}`], BANK), bankLine(`B${id}b`, amount - half, [`TX-${id}`], BANK));
    if (kind === 'merged') lines.push(bankLine(`B${id}`, 2 * amount, [`CART-${id}`], BANK));
    if (kind === 'refunded') {
      flows.push(refund(`R${id}`, id, amount, '2024-06-18T10:31:04.000+08:00'));
      lines.push(bankLine(`B${id}r`, -amount, [`TX-${id}`], '2024-06-18T10:31:04.100+08:00'));
    }
    if (kind === 'fenOff') lines.push(bankLine(`B${id}`, amount - 1, [`TX-${id}`], BANK));
    if (kind === 'late') lines.push(bankLine(`B${id}`, amount, [`TX-${id}`], '2024-06-18T10:31:02.501+08:00'));
    if (kind === 'orphanLine') lines.push(bankLine(`B${id}`, amount, [`TX-ORPHAN-${id}`], BANK));
  });
  return { flows, lines };
}

/** A deterministic Fisher–Yates shuffle driven by `seed` (a small LCG), for order-independence tests. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
