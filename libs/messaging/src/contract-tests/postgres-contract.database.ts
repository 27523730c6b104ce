import type { Pool, PoolClient } from 'pg';
import { runMigrations, type Migration } from '@oms/postgres';
import { messagingMigrations } from '../inbox/messaging.migrations';
import type { Effect, EffectStore } from './bus-fixture';

const effectsMigration: Migration = {
  component: 'messaging-contract-tests',
  id: '001-effects',
  // No unique key on purpose: a duplicate effect must show up as a second row.
  sql: `CREATE TABLE contract_effects (
    seq bigserial PRIMARY KEY, consumer_group text NOT NULL, message_id text NOT NULL, topic text NOT NULL,
    "partition" int NOT NULL, "offset" bigint NOT NULL, key text, value text NOT NULL)`,
};

/** Adds the inbox and an effects table to a test schema, for the buses backed by PostgreSQL. */
export async function prepareContractDatabase(db: { pool: Pool; schema: string }): Promise<EffectStore<PoolClient>> {
  await runMigrations(db.pool, db.schema, [...messagingMigrations, effectsMigration]);
  const effects: EffectStore<PoolClient> = {
    async record(tx, effect) {
      await tx.query(
        `INSERT INTO contract_effects (consumer_group, message_id, topic, "partition", "offset", key, value) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [effect.groupId, effect.messageId, effect.topic, effect.partition, effect.offset, effect.key, effect.value],
      );
    },
    async list(topic) {
      const result = await db.pool.query<Effect>(
        `SELECT consumer_group AS "groupId", message_id AS "messageId", topic, "partition", "offset"::text AS "offset", key, value
         FROM contract_effects WHERE topic = $1 ORDER BY seq`,
        [topic],
      );
      return result.rows;
    },
  };
  return effects;
}
