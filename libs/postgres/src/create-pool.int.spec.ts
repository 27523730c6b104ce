import { createTestSchema, testDatabaseUrl, type TestSchema } from '@oms/testing';
import { createPool } from './index';

describe('createPool (real PostgreSQL)', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('create_pool');
    await db.pool.query('CREATE TABLE marker (id int)');
  });
  afterAll(() => db.drop());

  it('works inside the given schema', async () => {
    const pool = createPool({ url: testDatabaseUrl(), schema: db.schema });
    try {
      const { rows } = await pool.query<{ search_path: string }>('SHOW search_path');
      expect(rows[0]!.search_path).toBe(db.schema);
      await pool.query('INSERT INTO marker VALUES (1)'); // resolves the unqualified name in the schema
    } finally {
      await pool.end();
    }
  });

  it('ends a transaction left open, so it cannot hold back the log readers for ever', async () => {
    const pool = createPool({ url: testDatabaseUrl(), schema: db.schema, idleInTransactionTimeoutMs: 200 });
    const client = await pool.connect();
    const lost = new Promise<Error>((resolve) => client.on('error', resolve)); // it reports the end more than once
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO marker VALUES (2)');
      const error = await lost; // the server terminates the idle session
      expect(error.message).toMatch(/idle-in-transaction timeout|terminat/i);
      const { rows } = await pool.query('SELECT count(*)::int AS count FROM marker WHERE id = 2');
      expect(rows[0].count).toBe(0);
    } finally {
      client.release(true);
      await pool.end();
    }
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createPool({ url: testDatabaseUrl(), schema: 'public; DROP TABLE x' })).toThrow(/not a valid SQL identifier/);
  });
});
