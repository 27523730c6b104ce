import type { PlannedOrder } from './scenario-plan';
import type { SimulatorsClient } from './simulators.client';

/**
 * Deliveries the payment provider made on its own because an earlier one was not acknowledged in
 * time (its 5 s timeout, a 5xx): every delivery of a paid order's notification beyond the first
 * and the planted redeliveries, from the provider simulator's own record. The gateway answers
 * each such retry as a `duplicate`, so they belong in that figure's expectation — but they are
 * the machine's speed, not the scenario: a loaded or disturbed run has more of them.
 */
export async function countProviderRetries(simulators: SimulatorsClient, paid: readonly PlannedOrder[]): Promise<number> {
  let retries = 0;
  for (const { order, payment } of paid) {
    if (!payment || !order.outTradeNo) continue;
    const deliveries = await simulators.deliveries(payment.provider, order.outTradeNo);
    retries += Math.max(0, deliveries.length - 1 - payment.redeliveries);
  }
  return retries;
}
