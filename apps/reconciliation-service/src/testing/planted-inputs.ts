import type { BankStatementLine } from '@oms/contracts';
import { lineIdOfRecord } from '@oms/bank-statements';
import { isFactRecord, type RecordedFact } from '@oms/reconciliation-domain';
import type { StoredStatementLine } from '../statements/statement-line-input';
import type { PlannedRecord } from './planted-day';

/** The planned records as the service stores them (facts and bank lines, in publishing order), for pure tests. */
export function storedInputsOf(records: readonly PlannedRecord[]): { facts: RecordedFact[]; lines: StoredStatementLine[] } {
  const facts: RecordedFact[] = [];
  const lines: StoredStatementLine[] = [];
  records.forEach((record, seq) => {
    if (record.recordName === 'BankStatementLine') {
      const line = record.value as BankStatementLine;
      lines.push({ lineId: lineIdOfRecord(line), seq, input: { source: 'topic', record: line } });
    } else if (isFactRecord(record.recordName)) {
      facts.push({ factId: record.messageId, seq, recordName: record.recordName, value: record.value } as RecordedFact);
    }
  });
  return { facts, lines };
}
