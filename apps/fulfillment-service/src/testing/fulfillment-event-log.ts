import { decode, Topics, type DecodedRecord, type RecordName, type RecordTypes } from '@oms/contracts';
import type { MessageBus, Subscription } from '@oms/messaging';
import { waitFor } from '@oms/testing';

/** One record read back from `oms.fulfillment.events.v1`. */
export interface FulfillmentEvent<N extends RecordName = RecordName> {
  recordName: N;
  key: string | null;
  messageId: string;
  value: RecordTypes[N];
}

/** Reads `oms.fulfillment.events.v1` as order-service would (its own group; inbox dedup by message id). */
export class FulfillmentEventLog {
  readonly events: FulfillmentEvent[] = [];
  private subscription?: Subscription;

  async start<TClient>(bus: MessageBus<TClient>, groupId: string): Promise<void> {
    this.subscription = await bus.subscribe<DecodedRecord>({
      groupId,
      topics: [Topics.fulfillmentEvents],
      decode: (bytes) => decode(bytes),
      handler: async (message) => {
        this.events.push({ recordName: message.value.recordName, key: message.key, messageId: message.messageId, value: message.value.value });
      },
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  /** Records of one kind, optionally of one order. */
  of<N extends RecordName>(recordName: N, orderId?: string): Array<FulfillmentEvent<N>> {
    return this.events.filter((event): event is FulfillmentEvent<N> => event.recordName === recordName && (orderId === undefined || event.key === orderId));
  }

  /** Waits for the first record of a kind matching `match`. */
  waitFor<N extends RecordName>(recordName: N, match: (value: RecordTypes[N]) => boolean, timeoutMs = 20_000): Promise<RecordTypes[N]> {
    return waitFor(`${recordName} on ${Topics.fulfillmentEvents}`, () => this.of(recordName).find((event) => match(event.value))?.value, { timeoutMs });
  }
}
