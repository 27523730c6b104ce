import type { PaymentConfirmation, PaymentProvider } from '@oms/contracts';
import { isPaidOutcome, tradeOutcomeOf } from '@oms/payment-protocols';
import { beijingIsoText } from '../../common/beijing-time';
import type { ProviderTradeAnswer } from './provider-trade-answer';

/** What a confirmation is about: the payment as the notification (or the order) described it. */
export interface ConfirmationSubject {
  provider: PaymentProvider;
  outTradeNo: string;
  /** The transaction id the notification carried; null when confirming an order with no notification yet. */
  transactionId: string | null;
  /** The amount expected; null when nothing is known yet (the provider's amount is then recorded as is). */
  amount: number | null;
  currency: string;
  merchantId: string;
}

/**
 * Turns the provider's answer into the PaymentConfirmation record — the third condition of
 * payment completion ("payment complete = 200 ∧ signature ∧ balance"). `confirmed` only when the
 * answer is a signed HTTP 200 saying the money arrived, for the same transaction id, amount and
 * currency as the notification; every other answer (absence, failure) is recorded too, unconfirmed.
 */
export function toPaymentConfirmation(subject: ConfirmationSubject, answer: ProviderTradeAnswer, queriedAtMs: number): PaymentConfirmation {
  const paid = isPaidOutcome(tradeOutcomeOf(subject.provider, answer.tradeState));
  const sameTransaction = answer.transactionId !== null && (subject.transactionId === null || subject.transactionId === answer.transactionId);
  const sameAmount = answer.amount !== null && (subject.amount === null || subject.amount === answer.amount);
  const confirmed = answer.httpStatus === 200 && answer.signatureVerified && paid && sameTransaction && sameAmount && answer.currency === subject.currency;
  return {
    provider: subject.provider,
    outTradeNo: subject.outTradeNo,
    transactionId: answer.transactionId,
    tradeState: answer.tradeState,
    confirmed,
    amount: answer.amount,
    currency: answer.currency ?? subject.currency,
    merchantId: subject.merchantId,
    successAt: answer.successAt?.epochMs ?? null,
    successAtText: answer.successAt?.text ?? null,
    queriedAt: queriedAtMs,
    queriedAtText: beijingIsoText(queriedAtMs),
    httpStatus: answer.httpStatus,
    rawResponse: answer.rawResponse,
  };
}
