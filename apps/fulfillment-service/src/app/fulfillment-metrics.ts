import { Counter, Gauge, register } from 'prom-client';

// One registry per process; a second app instance in the same process (tests) reuses the counters.
function counter(name: string, help: string, labelNames: string[]): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** Attempts of warehouse and carrier calls, by system, operation and HTTP status class (2xx, 4xx, 5xx, none). */
export const callAttemptsTotal = counter('oms_fulfillment_call_attempts_total', 'Warehouse and carrier call attempts (every one is in the call log)', ['system', 'operation', 'status']);

/** Carrier tracks handled, by tracking source, channel (push, poll, kafka) and outcome (written, duplicate, unmapped, parked). */
export const tracksTotal = counter('oms_fulfillment_tracks_total', 'Carrier tracks handled', ['source', 'via', 'outcome']);

/** Review items raised, by cause. */
export const reviewItemsTotal = counter('oms_fulfillment_review_items_total', 'Fulfilment review items raised', ['cause']);

/** Last skew measured between one of our clocks and this service's, in ms (positive: `clock` ahead). */
export const clockSkewMs = (register.getSingleMetric('oms_fulfillment_clock_skew_ms') as Gauge | undefined) ?? new Gauge({ name: 'oms_fulfillment_clock_skew_ms', help: 'Skew of one of our clocks against fulfillment-service (positive: ahead)', labelNames: ['clock', 'reference'] });

/** Checks that found two of our clocks further apart than the tolerance. */
export const clockSkewFlagsTotal = counter('oms_fulfillment_clock_skew_flags_total', 'Clock skew checks over the tolerance', ['clock', 'reference']);
