import { eventHash, type HashedFields } from './event-hash';

// An auditor re-derives these hashes with any SHA-256 tool, so the byte layout is a contract:
// each field as a 4-byte big-endian length and its bytes, in this order. The expected values
// were computed outside this code base (Python's hashlib over the same layout).
const first: HashedFields = {
  previousHash: null,
  streamId: 'order-42',
  streamVersion: 1,
  eventId: '1B4E28BA-2FA1-11D2-883F-0016D3CCA427',
  type: 'OrderPlaced',
  schemaFingerprint: Buffer.from('0102030405060708', 'hex'),
  payload: Buffer.from('c3010102030405060708deadbeef', 'hex'),
  metadata: { correlationId: 'corr-1', actor: 'channel:shopify' },
  occurredAt: 1718677986210,
};

describe('eventHash', () => {
  it('hashes the documented layout (first event of a stream)', () => {
    expect(eventHash(first).toString('hex')).toBe('ca3e0e20b305be3e6cbc129d1c763f9ef7f6de24c3591b0b258ae1887fc5562d');
  });

  it('chains the previous hash and takes metadata already in canonical text', () => {
    const second = { ...first, previousHash: eventHash(first), streamVersion: 2, metadata: '{}' };
    expect(eventHash(second).toString('hex')).toBe('932e42deacae6390d108c82de8499af853afa672c62c1ffeb0a58f100d56d238');
  });

  it('changes when any one field changes', () => {
    const base = eventHash(first).toString('hex');
    const variants: Partial<HashedFields>[] = [
      { streamId: 'order-43' }, { streamVersion: 2 }, { eventId: '1b4e28ba-2fa1-11d2-883f-0016d3cca428' }, { type: 'OrderPaid' },
      { schemaFingerprint: Buffer.from('0102030405060709', 'hex') }, { payload: Buffer.from('c3010102030405060708deadbeee', 'hex') },
      { metadata: { correlationId: 'corr-2', actor: 'channel:shopify' } }, { occurredAt: 1718677986211 }, { previousHash: Buffer.alloc(32) },
    ];
    for (const variant of variants) expect(eventHash({ ...first, ...variant }).toString('hex')).not.toBe(base);
  });
});
