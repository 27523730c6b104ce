import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';

// Rows per statement: far from the commit budget, small enough for one protocol message.
const CHUNK = 5_000;
// Separates list items passed as one text (PostgreSQL's unnest cannot take arrays of arrays).
const LIST_SEPARATOR = '\u001f';

/** One column of a derived table: a scalar of `type`, or a `text[]` passed as one joined text. */
export interface DerivedColumn {
  name: string;
  type: 'text' | 'bigint' | 'boolean' | 'jsonb' | 'text[]';
}

/** A derived table: the first column is the row's id. */
export interface DerivedTable<T> {
  table: string;
  columns: readonly DerivedColumn[];
  /** The row's values in column order; a `text[]` column takes a string array. */
  row: (item: T) => unknown[];
}

function cell(column: DerivedColumn | undefined, value: unknown): unknown {
  return column?.type === 'text[]' ? (value as string[]).join(LIST_SEPARATOR) : value;
}

function digestOf(values: readonly unknown[]): string {
  return createHash('md5')
    .update(values.map((value) => (value === null ? '\u0000' : String(value))).join('\u001e'))
    .digest('base64');
}

/**
 * Makes `spec.table` hold exactly `items`, writing only what changed: rows whose id is gone or
 * whose digest differs are deleted, new and changed rows inserted. A run that changes ten rows of
 * a million writes ten; the result is the same as rewriting the table.
 */
export async function syncDerivedTable<T>(tx: PoolClient, spec: DerivedTable<T>, items: readonly T[]): Promise<void> {
  const [idColumn] = spec.columns;
  if (!idColumn) throw new Error(`${spec.table}: a derived table needs an id column`);
  const id = idColumn.name;
  const existing = await tx.query<{ id: string; digest: string }>(`SELECT ${id} AS id, digest FROM ${spec.table}`);
  const stale = new Map(existing.rows.map((row) => [row.id, row.digest]));
  const fresh: unknown[][] = [];
  for (const item of items) {
    const values = spec.row(item).map((value, index) => cell(spec.columns[index], value));
    const digest = digestOf(values);
    if (stale.get(values[0] as string) === digest) stale.delete(values[0] as string);
    else fresh.push([...values, digest]);
  }
  const gone = [...stale.keys()];
  for (let start = 0; start < gone.length; start += CHUNK) {
    await tx.query(`DELETE FROM ${spec.table} WHERE ${id} = ANY($1::text[])`, [gone.slice(start, start + CHUNK)]);
  }
  const columns = [...spec.columns, { name: 'digest', type: 'text' } as const];
  const select = columns.map((column) => (column.type === 'text[]' ? `CASE WHEN ${column.name} = '' THEN '{}'::text[] ELSE string_to_array(${column.name}, chr(31)) END` : column.name));
  const sql = `INSERT INTO ${spec.table} (${columns.map((column) => column.name).join(', ')})
    SELECT ${select.join(', ')} FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type === 'text[]' ? 'text' : column.type}[]`).join(', ')})
    AS u(${columns.map((column) => column.name).join(', ')})`;
  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = fresh.slice(start, start + CHUNK);
    await tx.query(sql, columns.map((_, index) => chunk.map((values) => values[index])));
  }
}
