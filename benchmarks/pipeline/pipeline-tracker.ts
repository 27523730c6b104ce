import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';

/** The stages an order passes on `oms.order.events.v1`, in pipeline order. */
export const STAGES = ['OrderPlaced', 'OrderPaid', 'InvoiceConfirmed', 'OrderReadyToDispatch', 'DispatchProposed', 'DispatchPlanned'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Follows the order log of one run: when each order reached each stage (first time seen), keyed
 * by the channel order id the driver sent, so latency runs from the first HTTP request.
 */
export class PipelineTracker {
  readonly sentAt = new Map<string, number>();
  readonly reached = new Map<Stage, Map<string, number>>(STAGES.map((stage) => [stage, new Map()]));
  private readonly channelOrderIdOf = new Map<string, string>();
  private bus?: MessageBus<unknown>;

  async start(brokers: string[], topicPrefix: string, groupId: string): Promise<void> {
    const bus = new PrefixedTopicsBus(new KafkaMessageBus({ brokers, clientId: 'pipeline-bench-tracker', inbox: new InMemoryInboxStore() }), topicPrefix);
    this.bus = bus;
    await bus.subscribe<DecodedRecord>({
      groupId,
      topics: [Topics.orderEvents],
      decode: (bytes) => decode(bytes),
      partitionsConsumedConcurrently: 4,
      handler: async ({ key, value }) => this.record(key ?? '', value),
    });
  }

  private record(orderId: string, record: DecodedRecord): void {
    const stage = record.recordName as Stage;
    if (stage === 'OrderPlaced') this.channelOrderIdOf.set(orderId, (record.value as { channelOrderId: string }).channelOrderId);
    const channelOrderId = this.channelOrderIdOf.get(orderId);
    const seen = this.reached.get(stage);
    if (!seen || channelOrderId === undefined || seen.has(channelOrderId)) return;
    seen.set(channelOrderId, Date.now());
  }

  /** Orders whose channel order id starts with `prefix` that reached `stage`. */
  count(stage: Stage, prefix = ''): number {
    let reached = 0;
    for (const channelOrderId of this.reached.get(stage)?.keys() ?? []) if (channelOrderId.startsWith(prefix)) reached++;
    return reached;
  }

  /** Milliseconds from the first request to `stage`, per order of `prefix` that reached it. */
  latencies(stage: Stage, prefix = ''): number[] {
    const samples: number[] = [];
    for (const [channelOrderId, at] of this.reached.get(stage) ?? []) {
      const sent = channelOrderId.startsWith(prefix) ? this.sentAt.get(channelOrderId) : undefined;
      if (sent !== undefined) samples.push(at - sent);
    }
    return samples;
  }

  /** When the last order whose id starts with `prefix` reached `stage`. */
  lastAt(stage: Stage, prefix = ''): number {
    let last = 0;
    for (const [channelOrderId, at] of this.reached.get(stage) ?? []) if (channelOrderId.startsWith(prefix)) last = Math.max(last, at);
    return last;
  }

  async stop(): Promise<void> {
    await this.bus?.close();
  }
}
