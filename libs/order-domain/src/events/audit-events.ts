import type { OrderLifecycleStatus } from '../model/order-status';
import type { Actor } from '../model/order-values';
import type { EventOf } from './order-event-meta';

/** Why something was sent to the review queue. Exceptions raise review items, never states. */
export type ReviewCause =
  | 'MALFORMED_PAYMENT_IDS'
  | 'SIGNATURE_NOT_VERIFIED'
  | 'CALLBACK_NOT_ANSWERED_200'
  | 'PAYMENT_AMOUNT_MISMATCH'
  | 'PAYMENT_TRANSACTION_MISMATCH'
  | 'PAYMENT_NOT_CONFIRMED'
  | 'UNEXPECTED_PAYMENT'
  | 'PAYMENT_CONFIRMATION_OVERDUE'
  | 'PAYMENT_NOTIFICATION_OVERDUE'
  | 'INVOICE_CONFLICT'
  | 'REFUND_FAILED'
  | 'REFUND_AMOUNT_MISMATCH';

/**
 * A command was refused; recorded so it is never lost. `command` is the command type, `state`
 * the order status it met, `reason` the message (which names both).
 */
export type CommandRejected = EventOf<
  'CommandRejected',
  {
    command: string;
    commandId: string;
    state: OrderLifecycleStatus;
    code: string;
    reason: string;
    actor: Actor | null;
  }
>;

/**
 * Something needs a human. `reviewKey` identifies the exception (cause + subject) so a provider
 * that re-sends the same bad notification five times raises one item, not five.
 */
export type ReviewItemRaised = EventOf<'ReviewItemRaised', { cause: ReviewCause; detail: string; reviewKey: string }>;
