import { Pool, types } from 'pg';
import { dumbo, type Dumbo } from '@event-driven-io/dumbo';

/** int8, jsonb and json: the types whose parsers dumbo replaces for the whole process. */
const DUMBO_PARSED_TYPES = [20, 3802, 114];

type TypeParser = (value: string) => unknown;

/**
 * A `pg.Pool` and the dumbo pool Emmett runs on, with dumbo's type parsers kept to this pool.
 *
 * Creating a dumbo pool calls `pg.types.setTypeParser` for the whole process (int8 → BigInt,
 * jsonb → Emmett's JSON reviver). The benchmark runs our store and bare pg in the same process,
 * so this hands dumbo's parsers to Emmett's pool only and puts pg's defaults back for everyone
 * else. The pool is ours so that it can be as large as the other subjects' (dumbo's own stops at
 * pg's default of 10 connections).
 */
export function emmettConnection(url: string, max: number): { pool: Pool; connection: Dumbo } {
  const dumboParsers = new Map<number, TypeParser>();
  const pool = new Pool({
    connectionString: url,
    max,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (format !== 'binary' && dumboParsers.get(oid)) || types.getTypeParser(oid, format)) as typeof types.getTypeParser },
  });
  const defaults = new Map(DUMBO_PARSED_TYPES.map((oid) => [oid, types.getTypeParser(oid, 'text') as TypeParser]));
  const connection = dumbo({ connectionString: url, pool });
  for (const [oid, defaultParser] of defaults) {
    dumboParsers.set(oid, types.getTypeParser(oid, 'text') as TypeParser);
    types.setTypeParser(oid, 'text', defaultParser);
  }
  return { pool, connection };
}
