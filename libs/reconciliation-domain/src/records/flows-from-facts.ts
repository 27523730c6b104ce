import type { ExpectedFlow } from '../model/expected-flow';
import { paymentFlowFromNotification, paymentFlowFromOrderPaid } from '../inputs/payment-flow.factory';
import { refundFlowFromRefundResult } from '../inputs/refund-flow.factory';
import { factsOf, type RecordedFact } from './recorded-fact';

type FactOf<N extends RecordedFact['recordName']> = Extract<RecordedFact, { recordName: N }>;

/**
 * One fact per key: the first in arrival order (a redelivery under a new message id changes
 * nothing) or the last (the provider's latest answer). Independent of the list's order.
 */
function pickBy<F extends RecordedFact>(facts: readonly F[], key: (fact: F) => string | null, pick: 'first' | 'last'): Map<string, F> {
  const picked = new Map<string, F>();
  for (const fact of facts) {
    const value = key(fact);
    if (value === null) continue;
    const current = picked.get(value);
    if (!current || (pick === 'first' ? fact.seq < current.seq : fact.seq > current.seq)) picked.set(value, fact);
  }
  return picked;
}

/**
 * The order side of reconciliation, derived from the stored facts — a pure function, so the
 * projection rebuilt from the same facts is identical:
 *
 * - a payment per `OrderPaid` (the order log says it is paid), with the provider's raw answer from
 *   the confirmed `PaymentConfirmation` on the payments topic, else `PaymentConfirmed`, else the
 *   notification; a verified, successful `PaymentNotification` whose order never became paid is a
 *   payment too (money the provider says moved must meet its bank line);
 * - a refund per `RefundResult` with status SUCCESS (the provider's word, with its raw message),
 *   attributed to the order of its out_trade_no.
 */
export function flowsFromFacts(facts: readonly RecordedFact[]): ExpectedFlow[] {
  const paid = pickBy(factsOf(facts, 'OrderPaid'), (fact) => fact.value.outTradeNo, 'first');
  const confirmations = pickBy(
    factsOf(facts, 'PaymentConfirmation').filter((fact) => fact.value.confirmed),
    (fact) => fact.value.outTradeNo,
    'last',
  );
  const confirmedEvents = pickBy(factsOf(facts, 'PaymentConfirmed'), (fact) => fact.value.outTradeNo, 'last');
  const notifications = pickBy(
    factsOf(facts, 'PaymentNotification').filter((fact) => fact.value.signatureVerified && fact.value.successAt !== null),
    (fact) => fact.value.outTradeNo,
    'last',
  );
  const refundRequests = pickBy(factsOf(facts, 'RefundRequested'), (request) => request.value.outTradeNo, 'first');
  // Looked up, not merged into another million-entry Map: the order paid, else the one that asked for the refund.
  const orderOf = (outTradeNo: string): string | null => paid.get(outTradeNo)?.value.orderId ?? refundRequests.get(outTradeNo)?.value.orderId ?? null;

  const payments = [...paid.values()].map((fact) => paymentFlow(fact, confirmations.get(fact.value.outTradeNo), confirmedEvents.get(fact.value.outTradeNo), notifications.get(fact.value.outTradeNo)));
  const unpaidNotifications = [...notifications.values()].filter((fact) => !paid.has(fact.value.outTradeNo)).map((fact) => paymentFlowFromNotification(fact.value, orderOf(fact.value.outTradeNo)));
  const refunds = [...pickBy(factsOf(facts, 'RefundResult').filter((fact) => fact.value.status === 'SUCCESS'), (fact) => fact.value.outRefundNo, 'first').values()]
    .map((fact) => refundFlowFromRefundResult(fact.value, orderOf(fact.value.outTradeNo)))
    .filter((flow): flow is ExpectedFlow => flow !== null);
  return [...payments, ...unpaidNotifications, ...refunds];
}

function paymentFlow(
  paid: FactOf<'OrderPaid'>,
  confirmation: FactOf<'PaymentConfirmation'> | undefined,
  confirmed: FactOf<'PaymentConfirmed'> | undefined,
  notification: FactOf<'PaymentNotification'> | undefined,
): ExpectedFlow {
  const flow = paymentFlowFromOrderPaid(paid.value, { confirmation: confirmation?.value ?? null });
  // A fresh object from the factory: completed in place (no copy per payment).
  flow.rawResponse ??= confirmed?.value.rawResponse ?? notification?.value.decryptedResource ?? notification?.value.rawBody ?? null;
  return flow;
}
