import type { RecordName, RecordTypes } from '@oms/contracts';

/**
 * The records reconciliation keeps from the order log, the payments topic and the fulfilment
 * events: what the order side of matching, the inventory operation log and the single review
 * queue are derived from.
 */
export const RECONCILIATION_FACT_RECORDS = [
  'OrderPaid',
  'PaymentConfirmed',
  'RefundRequested',
  'RefundCompleted',
  'InventoryReservationRequested',
  'InventoryReserved',
  'InventoryReservationFailed',
  'ReviewItemRaised',
  'PaymentNotification',
  'PaymentConfirmation',
  'RefundResult',
  'InventoryReservationResult',
  'FulfillmentReviewItemRaised',
] as const satisfies readonly RecordName[];

/** A record reconciliation keeps as a fact. */
export type FactRecordName = (typeof RECONCILIATION_FACT_RECORDS)[number];

/**
 * One stored record. `seq` is its arrival order: "the first OrderPaid of a trade" and "the
 * provider's latest answer" are decided by it, never by the order a list happens to be in.
 */
export type RecordedFact = {
  [N in FactRecordName]: {
    /** The message id, unique. */
    factId: string;
    seq: number;
    recordName: N;
    value: RecordTypes[N];
  };
}[FactRecordName];

/** The facts of one record type. */
export function factsOf<N extends FactRecordName>(facts: readonly RecordedFact[], recordName: N): Array<Extract<RecordedFact, { recordName: N }>> {
  return facts.filter((fact): fact is Extract<RecordedFact, { recordName: N }> => fact.recordName === recordName);
}

/** Whether reconciliation keeps records of this name. */
export function isFactRecord(recordName: RecordName): recordName is FactRecordName {
  return (RECONCILIATION_FACT_RECORDS as readonly RecordName[]).includes(recordName);
}
