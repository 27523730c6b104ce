import { parsers, type EnvVarSpec } from '@oms/config';
import { parseIsoDuration } from '@oms/order-domain';

/**
 * A fixed-length ISO-8601 duration in milliseconds (`PT30S` → 30000). Years and months are refused:
 * a decision window measured in calendar units would change length with the calendar.
 */
export function windowMs(raw: string): number {
  const duration = parseIsoDuration(raw);
  if (!duration) throw new Error(`expected an ISO-8601 duration such as PT30S, got "${raw}"`);
  if (duration.years !== 0 || duration.months !== 0) throw new Error(`expected a duration without years or months, got "${raw}"`);
  const { weeks, days, hours, minutes, seconds } = duration;
  return Math.round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}

function decisionWindow(raw: string): string {
  windowMs(raw);
  return raw;
}

/** The dispatch flow's variables (pain point 3), part of order-service's validated configuration. */
export const dispatchEnv = {
  DISPATCH_ENABLED: { parse: parsers.boolean, default: true, description: 'plan ready orders, take sandbox answers and WMS scans; false = order-service without the dispatch flow' } satisfies EnvVarSpec<boolean>,
  DISPATCH_DECISION_WINDOW: { parse: decisionWindow, default: 'PT30S', description: "how long a ready order waits for the customer's related orders before it is planned (ISO-8601, no years/months)" } satisfies EnvVarSpec<string>,
  DISPATCH_PLAN_ID_SEED: { parse: parsers.string, default: 'oms', description: 'namespace of dispatch plan ids (with the first order of a plan it makes the id): one per tenant or environment' } satisfies EnvVarSpec<string>,
  DISPATCH_POLL_INTERVAL_MS: { parse: parsers.positiveInteger, default: 250, description: 'how often due decisions and new ready orders are looked for' } satisfies EnvVarSpec<number>,
  DISPATCH_CATALOG_FILE: { parse: parsers.string, default: null, description: 'CSV or JSON SKU catalog imported at start when the catalog is still empty (version 0)' } satisfies EnvVarSpec<string | null>,
};
