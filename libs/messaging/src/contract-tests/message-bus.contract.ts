import type { Subscription } from '../bus/message-bus';
import type { BusFixture } from './bus-fixture';
import type { ContractContext, ContractTools } from './contract-context';
import { deliveryContract } from './delivery.contract';
import { failureContract } from './failure.contract';
import { lifecycleContract } from './lifecycle.contract';
import { tracingContract } from './tracing.contract';

/**
 * The behaviour every {@link MessageBus} must show, run against the in-process bus (with and
 * without PostgreSQL) and against real Kafka: ordered delivery per key, group offsets that
 * survive a close, a graceful close that commits the batch in flight, one effect per message id, dead letters with reasons, transient retries in
 * order, partitions in parallel, trace context end to end.
 *
 * @example
 * import * as testing from '@oms/testing';
 * describeMessageBusContract('in-process bus', testing, async () => ({ bus, effects, logger, createTopic, teardown }));
 */
export function describeMessageBusContract<TClient>(name: string, tools: ContractTools, createFixture: () => Promise<BusFixture<TClient>>): void {
  describe(`${name}: message bus contract`, () => {
    let fixture: BusFixture<TClient> | undefined;
    const open: Subscription[] = [];
    const context: ContractContext<TClient> = {
      tools,
      fixture: () => {
        if (!fixture) throw new Error('fixture not created');
        return fixture;
      },
      subscribe: async (options) => {
        const subscription = await context.fixture().bus.subscribe(options);
        open.push(subscription);
        return subscription;
      },
    };

    beforeAll(async () => {
      fixture = await createFixture();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((subscription) => subscription.close()));
    });
    afterAll(async () => {
      await fixture?.teardown();
    });

    deliveryContract(context);
    lifecycleContract(context);
    failureContract(context);
    tracingContract(context);
  });
}
