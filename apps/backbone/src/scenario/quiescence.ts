import type { Endpoints } from '../services/service-part';
import { parsePrometheusText } from '../summary/prometheus-text';

/** Counters that move while a service still has work: events appended, commands decided, notifications taken. */
const ACTIVITY_METRICS = ['oms_order_events_appended_total', 'oms_order_commands_total', 'gateway_payment_notifications_total', 'gateway_channel_orders_total', 'gateway_payment_confirmations_total', 'oms_reconciliation_inputs_total', 'oms_reconciliation_matching_runs_total', 'oms_fulfillment_call_attempts_total', 'oms_fulfillment_tracks_total', 'oms_fulfillment_review_items_total'];
/** Quiet this long = nothing in flight (no service of the backbone polls slower than this, except timed decisions). */
const QUIET_FOR_MS = 2_000;

/**
 * The sum of the services' activity counters, or undefined when a service does not answer at
 * all (killed, restarting): its work is unknown, so nothing may be called quiet. A service
 * without `/metrics` (the simulators answer 404) adds nothing.
 */
export async function activity(endpoints: Endpoints): Promise<number | undefined> {
  let total = 0;
  for (const url of Object.values(endpoints)) {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (!response) return undefined;
    if (!response.ok) continue;
    for (const sample of parsePrometheusText(await response.text())) if (ACTIVITY_METRICS.some((name) => sample.name.startsWith(name))) total += sample.value;
  }
  return total;
}

/**
 * Waits until the services' own activity counters have not moved for `quietForMs` (two seconds
 * by default; longer where a service waits on purpose, like the dispatch decision window): every
 * message in flight has been handled. A service that does not answer is never quiet: a restart
 * resets its counters, and the work it owes comes after it. (Reading the services, not counting
 * what the driver sent, keeps the summary honest: it reports what the services did, whatever that is.)
 */
export async function waitUntilQuiet(endpoints: Endpoints, timeoutMs: number, quietForMs = QUIET_FOR_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: number | undefined = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const now = await activity(endpoints);
    if (now === undefined || now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietForMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
