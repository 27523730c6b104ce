import type { BankStatementLine, RecordTypes } from '@oms/contracts';
import { PoisonMessageError } from '@oms/messaging';
import { bankLineFromRecord, paymentFlowFromNotification, paymentFlowFromOrderPaid, refundFlowFromRefundResult } from '@oms/reconciliation-domain';
import type { FactRecordName } from '@oms/reconciliation-domain';

/**
 * Refuses, before it is stored, a record whose money or time reconciliation could not read (a
 * paidAt whose epoch ms contradicts its text, a SUCCESS refund without a success time): it goes
 * to the topic's dead-letter twin with the reason, and the stored facts always derive cleanly.
 */
export function assertReadableFact<N extends FactRecordName>(recordName: N, value: RecordTypes[N]): void {
  guard(recordName, () => {
    if (recordName === 'OrderPaid') paymentFlowFromOrderPaid(value as RecordTypes['OrderPaid']);
    if (recordName === 'RefundResult') refundFlowFromRefundResult(value as RecordTypes['RefundResult']);
    const notification = value as RecordTypes['PaymentNotification'];
    if (recordName === 'PaymentNotification' && notification.successAt !== null) paymentFlowFromNotification(notification);
  });
}

/** The same for a bank line from `oms.ingress.bank-statements.v1`. */
export function assertReadableBankLine(record: BankStatementLine): void {
  guard('BankStatementLine', () => bankLineFromRecord(record));
}

function guard(recordName: string, read: () => unknown): void {
  try {
    read();
  } catch (error) {
    throw new PoisonMessageError(`${recordName} unreadable for reconciliation: ${error instanceof Error ? error.message : String(error)}`);
  }
}
