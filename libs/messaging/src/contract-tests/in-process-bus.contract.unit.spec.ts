import * as testing from '@oms/testing';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { InProcessBus } from '../in-process/in-process-bus';
import { InMemoryEffectStore } from './bus-fixture';
import { describeMessageBusContract } from './message-bus.contract';
import { RecordingLogger } from './recording.logger';

describeMessageBusContract('in-process bus, in-memory inbox', testing, async () => {
  const logger = new RecordingLogger();
  const bus = new InProcessBus({ inbox: new InMemoryInboxStore(), logger });
  return {
    bus,
    logger,
    effects: new InMemoryEffectStore(),
    createTopic: async (prefix, partitions) => {
      const topic = testing.uniqueName(prefix);
      await bus.ensureTopics([{ topic, partitions }]);
      return topic;
    },
    teardown: () => bus.close(),
  };
});
