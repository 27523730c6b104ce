import type { PoolClient } from 'pg';
import { beginCommitEffects, runCommitEffects, takeCommitEffects } from '@oms/postgres';
import { OrderClaims } from './order-claims';

/** A checked-out connection with a transaction its owner tracks (as withTransaction and the inbox do). */
function openTransaction(): PoolClient {
  const client = { release: () => undefined } as unknown as PoolClient;
  beginCommitEffects(client);
  return client;
}

/** The owner ends the transaction: COMMIT or ROLLBACK, then its effects. */
function end(client: PoolClient, committed: boolean): void {
  runCommitEffects(takeCommitEffects(client), committed);
}

/** Settles a promise's state without awaiting it: 'pending' until it has resolved. */
async function stateOf<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('OrderClaims', () => {
  it('makes a transaction wanting an order another open transaction decided on wait until that one commits', async () => {
    const claims = new OrderClaims();
    const [first, second] = [openTransaction(), openTransaction()];
    expect(await claims.claim(first, 'order-1')).toBe(false);
    expect(await claims.claim(first, 'order-1')).toBe(false); // its own claim: no wait
    const waiting = claims.claim(second, 'order-1');
    expect(await claims.claim(second, 'order-2')).toBe(false); // another order: no wait
    expect(await stateOf(waiting)).toBe('pending');
    end(first, true);
    expect(await waiting).toBe(true); // it waited: the order moved on, read it again
  });

  it('ends a claim with a rolled-back transaction too', async () => {
    const claims = new OrderClaims();
    const [first, second] = [openTransaction(), openTransaction()];
    await claims.claim(first, 'order-1');
    const waiting = claims.claim(second, 'order-1');
    end(first, false);
    expect(await waiting).toBe(true);
    // The order is now the second transaction's: a third waits for it.
    const third = openTransaction();
    const behind = claims.claim(third, 'order-1');
    expect(await stateOf(behind)).toBe('pending');
    end(second, true);
    expect(await behind).toBe(true);
  });

  it('never waits in a circle: a transaction goes on at once rather than wait for one that waits for it', async () => {
    const claims = new OrderClaims(60_000);
    const [first, second] = [openTransaction(), openTransaction()];
    await claims.claim(first, 'order-1');
    await claims.claim(second, 'order-2');
    const secondWaits = claims.claim(second, 'order-1');
    expect(await stateOf(secondWaits)).toBe('pending');
    expect(await claims.claim(first, 'order-2')).toBe(false); // would wait for second, which waits for first
    end(first, true);
    expect(await secondWaits).toBe(true);
  });

  it('goes on after maxWaitMs when the holder never ends', async () => {
    const claims = new OrderClaims(30);
    const [stuck, next] = [openTransaction(), openTransaction()];
    await claims.claim(stuck, 'order-1');
    const started = Date.now();
    expect(await claims.claim(next, 'order-1')).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('takes no claim on a connection whose transaction nobody tracks (nothing would ever end it)', async () => {
    const claims = new OrderClaims(60_000);
    const untracked = { release: () => undefined } as unknown as PoolClient;
    expect(await claims.claim(untracked, 'order-1')).toBe(false);
    expect(await claims.claim(openTransaction(), 'order-1')).toBe(false); // not held by the untracked one
  });
});
