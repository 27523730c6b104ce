import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { Topics } from '@oms/contracts';
import { OutboxRelay, type CommitSignal } from '@oms/event-store';
import type { MessageProducer } from '@oms/messaging';
import { DISPATCH_INSTRUCTION } from '../dispatch/publication/dispatch-instructions';

/**
 * Name of the relay's checkpoint and leadership lock. The lock is an advisory lock of the whole
 * database keyed by this name only, so the schema is part of it: services (or test runs) in
 * other schemas of the same database must not wait on each other.
 */
export function orderEventsRelayName(schema: string): string {
  return `order-events@${schema}`;
}

/**
 * The transactional outbox of order events: every event appended to an order stream is
 * published to `oms.order.events.v1`, keyed by order id, value = the stored Avro bytes, with the
 * `traceparent` stored beside the event. At-least-once; consumers drop repeats by `message-id`.
 * The dispatch flow's `DispatchInstruction`s live on each plan's own stream (stream id = plan id)
 * and go to `oms.dispatch.v1`, keyed by plan id, through the same outbox. A commit heard on
 * `commits` (the consumers' transactions) is published at once rather than at the next poll.
 */
export function createOrderEventsRelay(pool: Pool, schema: string, producer: MessageProducer, logger: Logger, commits: CommitSignal): OutboxRelay {
  return new OutboxRelay({
    pool,
    name: orderEventsRelayName(schema),
    publish: (messages) => producer.send(messages),
    topicFor: (event) => (event.type === DISPATCH_INSTRUCTION ? Topics.dispatch : Topics.orderEvents),
    logger: logger.child({ component: 'outbox-relay' }),
    wakeOn: commits,
  });
}
