// A consumer process that dies at the worst moment: right after its first transaction
// committed (effects + inbox rows) and before the offset commit. Used by
// kafka-crash-replay.int.spec.ts; configured through the environment.
import { Pool, type PoolClient } from 'pg';
import { KafkaMessageBus } from '../kafka-message-bus';
import { PostgresInboxStore } from '../../inbox/postgres-inbox.store';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const pool = new Pool({ connectionString: env('CRASH_DATABASE_URL'), max: 2 });
  const bus = new KafkaMessageBus<PoolClient>({
    brokers: env('CRASH_BROKERS').split(','),
    clientId: 'crashing-consumer',
    inbox: new PostgresInboxStore(pool),
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 200 },
  });
  await bus.subscribe({
    groupId: env('CRASH_GROUP'),
    topics: [env('CRASH_TOPIC')],
    decode: (bytes) => bytes.toString('utf8'),
    maxMessagesPerTransaction: Number(env('CRASH_TRANSACTION_SIZE')),
    handler: async (message, tx) => {
      await tx.query('INSERT INTO replay_effects (message_id, value) VALUES ($1, $2)', [message.messageId, message.value]);
    },
    // Called after COMMIT, before the offset commit: SIGKILL leaves no chance to clean up.
    onBatchProcessed: () => process.kill(process.pid, 'SIGKILL'),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
