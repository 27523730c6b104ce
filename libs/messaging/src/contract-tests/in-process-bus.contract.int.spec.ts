import * as testing from '@oms/testing';
import { PostgresInboxStore } from '../inbox/postgres-inbox.store';
import { InProcessBus } from '../in-process/in-process-bus';
import { describeMessageBusContract } from './message-bus.contract';
import { prepareContractDatabase } from './postgres-contract.database';
import { RecordingLogger } from './recording.logger';

describeMessageBusContract('in-process bus, PostgreSQL inbox', testing, async () => {
  const db = await testing.createTestSchema('messaging_inproc');
  const effects = await prepareContractDatabase(db);
  const logger = new RecordingLogger();
  const bus = new InProcessBus({ inbox: new PostgresInboxStore(db.pool), logger });
  return {
    bus,
    logger,
    effects,
    createTopic: async (prefix, partitions) => {
      const topic = testing.uniqueName(prefix);
      await bus.ensureTopics([{ topic, partitions }]);
      return topic;
    },
    teardown: async () => {
      await bus.close();
      await db.drop();
    },
  };
});
