import type { PoolClient } from 'pg';
import { onCommit } from '@oms/postgres';
import type { DecodedRecord } from '@oms/contracts';
import { PoisonMessageError, type ConsumedMessage } from '@oms/messaging';
import { isFactRecord } from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import type { StatementLineRepository } from '../statements/statement-line.repository';
import { assertReadableBankLine, assertReadableFact } from './fact-validation';
import type { InputFactRepository } from './input-fact.repository';
import { inputsRecordedTotal } from './input-metrics';

/** A consumed record whose value the contracts codec decoded. */
export type InputMessage = ConsumedMessage<DecodedRecord>;

/**
 * Stores every record reconciliation needs as it arrives, in the batch's transaction (so the
 * inbox row, the fact and the offset move together): bank lines into `statement_line`, the rest
 * into `recon_fact`. Nothing is derived here — matching reads the facts afterwards.
 */
export class InputRecorderService {
  constructor(
    private readonly facts: InputFactRepository,
    private readonly lines: StatementLineRepository,
    private readonly clock: Clock,
  ) {}

  /** Records from the order log, the payments and the fulfilment topics; others on them are not reconciliation's. */
  async recordFact(message: InputMessage, tx: PoolClient): Promise<void> {
    const { recordName, value } = message.value;
    if (!isFactRecord(recordName)) {
      inputsRecordedTotal.inc({ record: recordName, outcome: 'ignored' });
      return;
    }
    assertReadableFact(recordName, value as never);
    const added = await this.facts.append(tx, { factId: message.messageId, topic: message.topic, recordName, value: value as never, recordedAt: this.clock.now() });
    onCommit(tx, () => inputsRecordedTotal.inc({ record: recordName, outcome: added ? 'stored' : 'duplicate' }));
  }

  /** A line of `oms.ingress.bank-statements.v1`. */
  async recordBankLine(message: InputMessage, tx: PoolClient): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'BankStatementLine') throw new PoisonMessageError(`${message.topic} carries BankStatementLine, not ${record.recordName}`);
    assertReadableBankLine(record.value);
    const added = await this.lines.appendTopicLine(tx, record.value, this.clock.now());
    onCommit(tx, () => inputsRecordedTotal.inc({ record: 'BankStatementLine', outcome: added ? 'stored' : 'duplicate' }));
  }
}
