import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { InMemoryInboxStore, InProcessBus, PoisonMessageError, type ConsumedMessage, type InMemoryUnitOfWork } from '@oms/messaging';
import { waitFor } from '@oms/testing';
import { connectKafkaTransport, KafkaEventTransport, KafkaMessageContext } from '../index';

const applied: string[] = [];

@Controller()
class OrdersHandler {
  @EventPattern('test.orders')
  accept(@Payload() message: ConsumedMessage<string>, @Ctx() context: KafkaMessageContext<InMemoryUnitOfWork>): void {
    // The effect is registered on the batch's unit of work: it applies only if the batch commits.
    context.getTransaction().afterCommit(() => applied.push(`${message.key}:${message.value}`));
  }

  @EventPattern('test.poison')
  async refuse(): Promise<void> {
    throw new PoisonMessageError('amount is not an integer');
  }
}

@Module({ controllers: [OrdersHandler] })
class HandlersModule {}

describe('KafkaEventTransport (Nest @EventPattern over the messaging bus)', () => {
  it('runs each topic handler in the batch transaction, and dead-letters what a handler refuses', async () => {
    const bus = new InProcessBus({ inbox: new InMemoryInboxStore() });
    await bus.ensureTopics([{ topic: 'test.orders', partitions: 2 }, { topic: 'test.poison', partitions: 1 }]);
    const moduleRef = await Test.createTestingModule({ imports: [HandlersModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    connectKafkaTransport(app, new KafkaEventTransport(bus, { groupId: 'order-service', decode: (bytes) => bytes.toString('utf8') }));
    await app.startAllMicroservices();
    await app.init();

    const deadLetters: ConsumedMessage<Buffer>[] = [];
    await bus.subscribe({ groupId: 'operators', topics: ['test.poison.dlq'], decode: (bytes) => bytes, handler: async (message) => void deadLetters.push(message) });
    await bus.producer.send([
      { topic: 'test.orders', key: 'order-1', value: Buffer.from('placed'), headers: { 'message-id': 'm1' } },
      { topic: 'test.orders', key: 'order-1', value: Buffer.from('placed'), headers: { 'message-id': 'm1' } }, // a re-send
      { topic: 'test.orders', key: 'order-2', value: Buffer.from('placed'), headers: { 'message-id': 'm2' } },
      { topic: 'test.poison', key: 'order-3', value: Buffer.from('1.5'), headers: { 'message-id': 'm3' } },
    ]);

    await waitFor('both orders applied and the poison dead-lettered', () => applied.length === 2 && deadLetters.length === 1);
    expect(applied.sort()).toEqual(['order-1:placed', 'order-2:placed']);
    // The original error reached the messaging layer: Nest's default filter would have hidden it.
    expect(deadLetters[0]!.headers['dlq-reason']).toContain('amount is not an integer');
    expect(deadLetters[0]!.headers['dlq-error-type']).toBe('PoisonMessageError');

    await app.close();
    await bus.close();
  });
});
