import type { DecodedRecord, RecordName } from '@oms/contracts';
import { PoisonMessageError, type ConsumedMessage } from '@oms/messaging';

/** A consumed record whose value the contracts codec decoded. */
export type IngressMessage = ConsumedMessage<DecodedRecord>;

/**
 * The record of `message` when it is one of `expected`; any other record on the topic breaks the
 * topic's contract and is dead-lettered (no retry can make it right).
 */
export function expectRecord<N extends RecordName>(message: IngressMessage, ...expected: N[]): DecodedRecord<N> {
  const record = message.value;
  if (!(expected as RecordName[]).includes(record.recordName)) {
    throw new PoisonMessageError(`${message.topic} carries ${expected.join(', ')}, not ${record.recordName}`);
  }
  return record as DecodedRecord<N>;
}
