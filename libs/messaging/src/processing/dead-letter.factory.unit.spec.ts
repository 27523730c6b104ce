import { DeadLetterHeaders, Headers } from '@oms/contracts';
import { PoisonMessageError } from '../errors/poison-message.error';
import { buildDeadLetter } from './dead-letter.factory';
import type { IncomingRecord } from './incoming-record';

const record: IncomingRecord = {
  topic: 'oms.ingress.payments.v1',
  partition: 2,
  offset: '9007199254740993',
  key: 'out-trade-42',
  value: Buffer.from([0xc3, 0x01, 0xff]),
  headers: { [Headers.messageId]: 'evt-1', [Headers.correlationId]: 'corr-1' },
  timestamp: 0,
};

describe('buildDeadLetter', () => {
  it('keeps the bytes, key and headers, and says why, from where and when', () => {
    const letter = buildDeadLetter(record, new PoisonMessageError('amount is negative'), 'reconciliation', new Date('2025-01-02T03:04:05.000Z'));
    expect(letter).toEqual({
      topic: 'oms.ingress.payments.v1.dlq',
      key: 'out-trade-42',
      value: Buffer.from([0xc3, 0x01, 0xff]),
      headers: {
        [Headers.messageId]: 'evt-1',
        [Headers.correlationId]: 'corr-1',
        [DeadLetterHeaders.reason]: 'amount is negative',
        [DeadLetterHeaders.errorType]: 'PoisonMessageError',
        [DeadLetterHeaders.sourceTopic]: 'oms.ingress.payments.v1',
        [DeadLetterHeaders.sourcePartition]: '2',
        [DeadLetterHeaders.sourceOffset]: '9007199254740993',
        [DeadLetterHeaders.consumerGroup]: 'reconciliation',
        [DeadLetterHeaders.failedAt]: '2025-01-02T03:04:05.000Z',
      },
    });
  });

  it('bounds the reason and describes thrown non-errors', () => {
    const long = buildDeadLetter(record, new Error('x'.repeat(5_000)), 'g');
    expect(long.headers[DeadLetterHeaders.reason]).toHaveLength(1_000);
    const odd = buildDeadLetter(record, 'a string was thrown', 'g');
    expect([odd.headers[DeadLetterHeaders.errorType], odd.headers[DeadLetterHeaders.reason]]).toEqual(['string', 'a string was thrown']);
  });
});
