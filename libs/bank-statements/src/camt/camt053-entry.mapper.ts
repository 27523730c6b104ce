import { businessDateFor, parseBankTime } from '@oms/reconciliation-domain';
import { parseYuanAmount } from '../amount/yuan-amount.parser';
import type { RowOutcome } from '../import/statement-row';
import { attributeOf, child, children, textOf, type XmlNode } from './xml-node';

/** Where an entry is: its ordinal and the line of its `<Ntry>` tag. */
export interface EntryPosition {
  rowNumber: number;
  sourceLine: number;
}

const ISO_DECIMAL = /^\d+(\.\d+)?$/;
const NOT_PROVIDED = 'NOTPROVIDED';

function readAmount(entry: XmlNode): { ok: true; fen: number } | { ok: false; reason: string } {
  const text = textOf(child(entry, 'Amt'));
  if (text === null) return { ok: false, reason: 'amount: no Amt' };
  if (!ISO_DECIMAL.test(text)) return { ok: false, reason: `amount: ${JSON.stringify(text)} is not an ISO 20022 decimal` };
  const parsed = parseYuanAmount(text);
  if (!parsed.ok) return { ok: false, reason: `amount: ${parsed.reason}` };
  const indicator = textOf(child(entry, 'CdtDbtInd'));
  if (indicator !== 'CRDT' && indicator !== 'DBIT') return { ok: false, reason: `CdtDbtInd ${JSON.stringify(indicator)} is neither CRDT nor DBIT` };
  return { ok: true, fen: indicator === 'CRDT' ? parsed.fen : -parsed.fen };
}

function references(details: XmlNode[]): string[] {
  const refs = details.flatMap((detail) => ['EndToEndId', 'TxId', 'InstrId'].map((name) => textOf(child(detail, 'Refs', name))));
  return [...new Set(refs.filter((ref): ref is string => ref !== null && ref !== NOT_PROVIDED))];
}

/** The other party: the debtor of money in, the creditor of money out. */
function counterparty(detail: XmlNode, credit: boolean) {
  const party = credit ? 'Dbtr' : 'Cdtr';
  const name = textOf(child(detail, 'RltdPties', party, 'Nm')) ?? textOf(child(detail, 'RltdPties', party, 'Pty', 'Nm'));
  const account = textOf(child(detail, 'RltdPties', `${party}Acct`, 'Id', 'IBAN')) ?? textOf(child(detail, 'RltdPties', `${party}Acct`, 'Id', 'Othr', 'Id'));
  const agent = child(detail, 'RltdAgts', `${party}Agt`, 'FinInstnId');
  return { name, account, bank: textOf(child(agent, 'Nm')) ?? textOf(child(agent, 'BICFI')) ?? textOf(child(agent, 'BIC')) };
}

/**
 * Reads one `Ntry` of a camt.053 statement. Non-booked entries (Sts other than BOOK) are not
 * statement lines yet and are ignored with a reason; an unreadable amount or date is a bad row.
 */
export function mapCamtEntry(entry: XmlNode, position: EntryPosition, currency: string): RowOutcome {
  const bad = (reason: string): RowOutcome => ({ kind: 'bad', row: { ...position, reason } });
  const status = textOf(child(entry, 'Sts', 'Cd')) ?? textOf(child(entry, 'Sts'));
  if (status !== null && status !== 'BOOK') return { kind: 'ignored', row: { ...position, reason: `entry status ${status}, not booked` } };
  const amount = readAmount(entry);
  const timeText = textOf(child(entry, 'BookgDt', 'DtTm')) ?? textOf(child(entry, 'BookgDt', 'Dt'));
  const time = parseBankTime(timeText ?? '');
  if (!amount.ok || !time.ok) return bad([amount.ok ? null : amount.reason, time.ok ? null : `booking date: ${time.reason}`].filter(Boolean).join('; '));

  const details = children(entry, [], 'NtryDtls').flatMap((group) => children(group, [], 'TxDtls'));
  const refs = references(details);
  const party = counterparty(details[0], amount.fen > 0);
  const remark = details.flatMap((detail) => children(detail, ['RmtInf'], 'Ustrd')).map(textOf).filter((text) => text !== null).join(' ');
  return {
    kind: 'line',
    fields: {
      ...position,
      bankTransactionRef: textOf(child(entry, 'AcctSvcrRef')) ?? textOf(child(details[0], 'Refs', 'AcctSvcrRef')) ?? textOf(child(entry, 'NtryRef')),
      amountFen: amount.fen,
      currency: attributeOf(child(entry, 'Amt'), 'Ccy') ?? currency,
      bankTime: time.time,
      bookingDate: businessDateFor(time.time.epochMs),
      transactionId: refs[0] ?? null,
      outTradeNo: null,
      extraReferences: refs,
      counterpartyName: party.name,
      counterpartyAccount: party.account,
      counterpartyBank: party.bank,
      summary: textOf(child(entry, 'AddtlNtryInf')) ?? textOf(child(details[0], 'AddtlTxInf')),
      remark: remark === '' ? null : remark,
      balanceAfterFen: null,
    },
  };
}
