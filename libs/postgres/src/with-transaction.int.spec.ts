import { createTestSchema, type TestSchema } from '@oms/testing';
import { onCommit, onSettled, withTransaction } from './index';

describe('withTransaction (real PostgreSQL)', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('with_transaction');
    await db.pool.query('CREATE TABLE marker (id int)');
  });
  afterAll(() => db.drop());

  const markers = async () => (await db.pool.query<{ id: number }>('SELECT id FROM marker ORDER BY id')).rows.map((row) => row.id);

  it('commits the work, or rolls all of it back when it throws', async () => {
    await withTransaction(db.pool, (client) => client.query('INSERT INTO marker VALUES (1)'));
    await expect(
      withTransaction(db.pool, async (client) => {
        await client.query('INSERT INTO marker VALUES (2)');
        throw new Error('on purpose');
      }),
    ).rejects.toThrow('on purpose');
    expect(await markers()).toEqual([1]);
  });

  it('lets the first statement carry BEGIN itself (workBegins): no separate BEGIN, the same rollback', async () => {
    const sent: string[] = [];
    const wrapped = new WeakSet<object>(); // the pool hands the same connection out again
    const record = (client: { query: (...args: unknown[]) => unknown }) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => (sent.push(String(args[0])), query(...args));
    };
    db.pool.on('acquire', record as never);
    await expect(
      withTransaction(
        db.pool,
        async (client) => {
          await client.query('BEGIN; INSERT INTO marker VALUES (3)');
          throw new Error('on purpose');
        },
        { workBegins: true },
      ),
    ).rejects.toThrow('on purpose');
    await withTransaction(db.pool, (client) => client.query('BEGIN; INSERT INTO marker VALUES (4)'), { workBegins: true });
    db.pool.off('acquire', record as never);
    expect(sent).toEqual(['BEGIN; INSERT INTO marker VALUES (3)', 'ROLLBACK', 'BEGIN; INSERT INTO marker VALUES (4)', 'COMMIT']);
    expect(await markers()).toEqual([1, 4]);
  });

  it('runs onCommit effects once the work committed, never when it rolled back; outside a transaction at once', async () => {
    const effects: string[] = [];
    await expect(
      withTransaction(db.pool, async (client) => {
        onCommit(client, () => effects.push('rolled back'));
        throw new Error('on purpose');
      }),
    ).rejects.toThrow('on purpose');
    const result = await withTransaction(db.pool, async (client) => {
      onCommit(client, () => effects.push('committed'));
      expect(effects).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(effects).toEqual(['committed']);
    const client = await db.pool.connect();
    onCommit(client, () => effects.push('autocommit'));
    expect(onSettled(client, () => effects.push('never'))).toBe(false); // nobody would end it
    client.release();
    expect(effects).toEqual(['committed', 'autocommit']);
  });

  it('runs onSettled effects once the transaction is over, committed or rolled back, telling them which', async () => {
    const settled: string[] = [];
    await withTransaction(db.pool, async (client) => void onSettled(client, (committed) => settled.push(`first: committed ${committed}`)));
    await expect(
      withTransaction(db.pool, async (client) => {
        onSettled(client, (committed) => settled.push(`second: committed ${committed}`));
        throw new Error('on purpose');
      }),
    ).rejects.toThrow('on purpose');
    expect(settled).toEqual(['first: committed true', 'second: committed false']);
  });
});
