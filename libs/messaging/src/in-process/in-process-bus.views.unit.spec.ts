import { waitFor } from '@oms/testing';
import { decodeBody, jsonMessage, type TestBody } from '../contract-tests/contract-context';
import { InMemoryInboxStore, type InMemoryUnitOfWork } from '../inbox/in-memory-inbox.store';
import { InProcessBus } from './in-process-bus';

// Several services in one process share one bus, each with its own inbox (its own schema).
describe('InProcessBus.withInbox: views over one log', () => {
  const subscribeRecording = (bus: InProcessBus<InMemoryUnitOfWork>, groupId: string, topic: string, into: string[]) =>
    bus.subscribe<TestBody>({ groupId, topics: [topic], decode: decodeBody, handler: async (message, tx) => tx.afterCommit(() => into.push(message.value.label)) });

  it('a message sent through one view reaches a group of another, whose handler gets that view’s inbox transaction', async () => {
    const shared = new InProcessBus({ inbox: new InMemoryInboxStore() });
    const gatewayInbox = new InMemoryInboxStore();
    const ordersInbox = new InMemoryInboxStore();
    const gateway = shared.withInbox(gatewayInbox);
    const orders = shared.withInbox(ordersInbox);
    const received: string[] = [];
    await subscribeRecording(orders, 'order-service', 'views.orders', received);

    const message = jsonMessage('views.orders', 'k1', { label: 'placed' });
    await gateway.producer.send([message]);

    await waitFor('the order-service view handled it', () => received.length === 1);
    expect(received).toEqual(['placed']);
    expect(ordersInbox.outcomeOf('order-service', message.headers['message-id'] as string)).toBe('processed');
    expect(gatewayInbox.outcomeOf('order-service', message.headers['message-id'] as string)).toBeUndefined();
    await shared.close();
    await orders.close();
  });

  it('closing one view stops its groups only; the others keep consuming, and a group keeps one member across views', async () => {
    const shared = new InProcessBus({ inbox: new InMemoryInboxStore() });
    const first = shared.withInbox(new InMemoryInboxStore());
    const second = shared.withInbox(new InMemoryInboxStore());
    const seenByFirst: string[] = [];
    const seenBySecond: string[] = [];
    await subscribeRecording(first, 'first', 'views.close', seenByFirst);
    await subscribeRecording(second, 'second', 'views.close', seenBySecond);
    await expect(subscribeRecording(second, 'first', 'views.close', [])).rejects.toThrow(/already has a member/);

    await first.close();
    await expect(first.producer.send([jsonMessage('views.close', 'k', { label: 'late' })])).rejects.toThrow(/closed/);
    await second.producer.send([jsonMessage('views.close', 'k', { label: 'after' })]);

    await waitFor('the second view consumed', () => seenBySecond.length === 1);
    expect(seenBySecond).toEqual(['after']);
    expect(seenByFirst).toEqual([]);
    await second.close();
  });
});
