import { decode, Topics, type DecodedRecord, type DispatchInstruction } from '@oms/contracts';
import type { MessageBus, Subscription } from '@oms/messaging';
import { waitFor } from '@oms/testing';

/** One record read back from `oms.dispatch.v1`, with its key. */
export interface PublishedInstruction {
  key: string;
  value: DispatchInstruction;
}

/** Reads `oms.dispatch.v1` as a WMS/TMS would (own group) and keeps the instructions per plan id. */
export class DispatchInstructionLog {
  private readonly records: PublishedInstruction[] = [];
  private subscription?: Subscription;

  async start<TClient>(bus: MessageBus<TClient>, groupId: string): Promise<void> {
    this.subscription = await bus.subscribe<DecodedRecord>({
      groupId,
      topics: [Topics.dispatch],
      decode: (bytes) => decode(bytes),
      handler: async (message) => void this.records.push({ key: message.key ?? '', value: message.value.value as DispatchInstruction }),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  /** Waits until every sub-order of `version` of the plan arrived; returns them in sub-order order. */
  waitForPlan(dispatchPlanId: string, version: number, timeoutMs = 20_000): Promise<PublishedInstruction[]> {
    const of = () => this.records.filter((record) => record.key === dispatchPlanId && record.value.planVersion === version);
    return waitFor(`${dispatchPlanId} v${version} on oms.dispatch.v1`, () => {
      const found = of();
      return found.length > 0 && found.length >= (found[0]?.value.subOrderCount ?? Infinity) && [...found].sort((a, b) => a.value.subOrderIndex - b.value.subOrderIndex);
    }, { timeoutMs });
  }
}
