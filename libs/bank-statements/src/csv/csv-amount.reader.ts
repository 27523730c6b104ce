import { readDirection, DEFAULT_DIRECTION_WORDS } from '../amount/direction-vocabulary';
import { parseAmount, type AmountResult } from '../amount/yuan-amount.parser';
import type { AmountMapping } from './csv-column-mapping';

type Cell = (name: string) => string | null;

const fail = (reason: string): AmountResult => ({ ok: false, reason });

function directed(text: string | null, directionText: string | null, mapping: Extract<AmountMapping, { column: string }>): AmountResult {
  if (text === null) return fail('empty amount');
  const amount = parseAmount(text, mapping.unit);
  if (!amount.ok || !mapping.direction) return amount;
  const direction = readDirection(directionText ?? '', mapping.direction.words ?? DEFAULT_DIRECTION_WORDS);
  if (direction === null) return fail(`direction ${JSON.stringify(directionText ?? '')} is neither credit nor debit`);
  // Some exports write debits as "-100.00" next to 借; a minus next to 贷 contradicts itself.
  if (amount.fen < 0 && direction === 'CREDIT') return fail(`negative amount ${JSON.stringify(text)} marked as credit`);
  const magnitude = Math.abs(amount.fen);
  return { ok: true, fen: direction === 'CREDIT' ? magnitude : -magnitude };
}

function split(creditText: string | null, debitText: string | null, mapping: Extract<AmountMapping, { creditColumn: string }>): AmountResult {
  const credit = creditText === null ? null : parseAmount(creditText, mapping.unit);
  const debit = debitText === null ? null : parseAmount(debitText, mapping.unit);
  if (credit && !credit.ok) return fail(`credit ${credit.reason}`);
  if (debit && !debit.ok) return fail(`debit ${debit.reason}`);
  // Exports fill the unused column with "0.00" as often as with nothing.
  const creditFen = credit?.ok ? credit.fen : 0;
  const debitFen = debit?.ok ? debit.fen : 0;
  if (creditFen !== 0 && debitFen !== 0) return fail('both a credit and a debit amount');
  if (creditFen < 0) return fail(`negative credit amount ${JSON.stringify(creditText)}`);
  if (creditFen === 0 && debitFen === 0) return fail('no amount in either the credit or the debit column');
  return { ok: true, fen: creditFen !== 0 ? creditFen : -Math.abs(debitFen) };
}

/** The signed fen of a row under the mapping (money in positive, out negative), or why not. */
export function readCsvAmount(cell: Cell, mapping: AmountMapping): AmountResult {
  if ('creditColumn' in mapping) return split(cell(mapping.creditColumn), cell(mapping.debitColumn), mapping);
  return directed(cell(mapping.column), mapping.direction ? cell(mapping.direction.column) : null, mapping);
}
