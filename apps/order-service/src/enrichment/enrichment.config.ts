import { parsers, type EnvVarSpec } from '@oms/config';

/** The promotion enrichment's variables (part of order-service's validated configuration). */
export const enrichmentEnv = {
  PROMOTION_SERVICE_URL: { parse: parsers.url, default: null, description: 'promotion service that redeems the coupons and red packets of placed orders; unset = enrichment off' } satisfies EnvVarSpec<string | null>,
  PROMOTION_CALL_TIMEOUT_MS: { parse: parsers.positiveInteger, default: 2_000, description: 'longest wait for one promotion-service call' } satisfies EnvVarSpec<number>,
  PROMOTION_BREAKER_FAILURES: { parse: parsers.positiveInteger, default: 5, description: 'consecutive promotion-service failures that open the circuit' } satisfies EnvVarSpec<number>,
  PROMOTION_BREAKER_COOLDOWN_MS: { parse: parsers.positiveInteger, default: 10_000, description: 'how long an open circuit refuses calls before one trial call' } satisfies EnvVarSpec<number>,
  ENRICHMENT_GROUP_ID: { parse: parsers.string, default: 'order-service-enrichment', description: 'consumer group of the enrichment (its own lag; never holds up order changes)' } satisfies EnvVarSpec<string>,
};
