import type { CheckPaymentConfirmationTimeout } from '../commands/payment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { addDuration } from '../time/add-iso-duration';
import { parseIsoDateTime } from '../time/iso-date-time';
import { isIsoDuration, parseIsoDuration } from '../time/iso-duration';
import { reviewItem } from './order-event-factory';
import { paymentSubject } from './payment-completion';

/** True when `sinceText` + `timeout` is at or before `now`. */
function overdue(sinceText: string, timeout: string, now: number): boolean {
  const since = parseIsoDateTime(sinceText);
  const duration = parseIsoDuration(timeout);
  return since !== null && duration !== null && addDuration(since, duration).epochMs <= now;
}

/**
 * CheckPaymentConfirmationTimeout: sent on a timer. A payment with only one of its sides (the
 * notification without the transaction query, or the reverse) for longer than the configured time
 * raises a review item — an unconfirmed payment is an exception, never a state. An order nobody
 * has paid yet is left alone.
 */
export const checkPaymentConfirmationTimeoutHandler: CommandHandler<CheckPaymentConfirmationTimeout> = {
  validate(command) {
    const timeout = command.data.confirmationTimeout;
    return isIsoDuration(timeout) ? [] : [`confirmationTimeout must be an ISO-8601 duration such as PT15M, got ${JSON.stringify(timeout)}`];
  },

  decide(command, state) {
    const { confirmationTimeout, occurredAt: now } = command.data;
    const { notification, confirmation } = state;
    if (notification && !confirmation && overdue(notification.acceptedAtText, confirmationTimeout, now)) {
      const detail = `notification of ${notification.transactionId} accepted at ${notification.acceptedAtText}; no transaction query confirmed it within ${confirmationTimeout}`;
      return [reviewItem(command, 'PAYMENT_CONFIRMATION_OVERDUE', paymentSubject(notification), detail)];
    }
    if (confirmation && !notification && overdue(confirmation.confirmedAtText, confirmationTimeout, now)) {
      const detail = `transaction query confirmed ${confirmation.transactionId} at ${confirmation.confirmedAtText}; no valid notification within ${confirmationTimeout}`;
      return [reviewItem(command, 'PAYMENT_NOTIFICATION_OVERDUE', paymentSubject(confirmation), detail)];
    }
    return [];
  },
};
