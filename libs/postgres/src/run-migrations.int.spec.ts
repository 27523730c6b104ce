import { createTestSchema, type TestSchema } from '@oms/testing';
import { runMigrations, type Migration } from './index';

describe('runMigrations (real PostgreSQL)', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('migrations');
  });
  afterAll(() => db.drop());

  const first: Migration = { component: 'demo', id: '001-items', sql: 'CREATE TABLE items (id int PRIMARY KEY)' };
  const second: Migration = { component: 'demo', id: '002-label', sql: 'ALTER TABLE items ADD COLUMN label text' };

  it('applies each migration once, even when started concurrently', async () => {
    const runs = await Promise.all([
      runMigrations(db.pool, db.schema, [first]),
      runMigrations(db.pool, db.schema, [first]),
    ]);
    expect(runs.flat()).toEqual(['demo/001-items']);
    expect(await runMigrations(db.pool, db.schema, [first, second])).toEqual(['demo/002-label']);
    const columns = await db.pool.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items' ORDER BY ordinal_position`,
      [db.schema],
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(['id', 'label']);
  });

  it('applies nothing of a run whose migration fails, and names it', async () => {
    const broken: Migration = { component: 'demo', id: '003-broken', sql: 'ALTER TABLE missing ADD COLUMN x int' };
    const good: Migration = { component: 'demo', id: '004-good', sql: 'CREATE TABLE other (id int)' };
    await expect(runMigrations(db.pool, db.schema, [first, second, good, broken])).rejects.toThrow(
      /Migration demo\/003-broken failed in schema t_migrations_\w+: relation "missing" does not exist/,
    );
    const tables = await db.pool.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'other'`, [db.schema]);
    expect(tables.rowCount).toBe(0);
  });
});
