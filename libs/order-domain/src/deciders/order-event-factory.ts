import type { OrderCommand } from '../commands/order-command';
import type { ReviewCause, ReviewItemRaised } from '../events/audit-events';
import type { OrderEventBody, OrderEventOfType, OrderEventType } from '../events/order-event';

/**
 * Builds an event caused by `command`: the stream id and both timestamps come from the command,
 * so every event of one decision carries the same instant.
 */
export function eventFor<T extends OrderEventType>(command: OrderCommand, type: T, body: OrderEventBody<T>): OrderEventOfType<T> {
  const { orderId, occurredAt, occurredAtText } = command.data;
  return { type, data: { orderId, occurredAt, occurredAtText, ...body } } as unknown as OrderEventOfType<T>;
}

/**
 * Builds a review item. `subject` identifies what is wrong (a transaction, a refund id); with the
 * cause it forms the review key, so the same exception is raised once however often it repeats.
 */
export function reviewItem(command: OrderCommand, cause: ReviewCause, subject: string, detail: string): ReviewItemRaised {
  return eventFor(command, 'ReviewItemRaised', { cause, detail, reviewKey: `${cause}:${subject}` });
}
