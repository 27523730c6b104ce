import { decode, type DecodedRecord } from '@oms/contracts';
import type { InMemoryUnitOfWork, InProcessBus } from '@oms/messaging';

/** A record seen on a topic, decoded. */
export interface SeenRecord {
  key: string | null;
  headers: Record<string, string>;
  decoded: DecodedRecord;
}

/**
 * A real consumer of the in-process bus: a group reading `topic` from the beginning, keeping every
 * record. Tests assert on what a downstream service would actually receive.
 */
export async function recordTopic(bus: InProcessBus<InMemoryUnitOfWork>, topic: string): Promise<{ records: SeenRecord[]; close(): Promise<void> }> {
  const records: SeenRecord[] = [];
  const subscription = await bus.subscribe({
    groupId: `recorder-${topic}-${Math.random().toString(36).slice(2)}`,
    topics: [topic],
    fromBeginning: true,
    decode: (value) => decode(value),
    handler: async (message, tx) => tx.afterCommit(() => void records.push({ key: message.key, headers: message.headers, decoded: message.value })),
  });
  return { records, close: () => subscription.close() };
}
