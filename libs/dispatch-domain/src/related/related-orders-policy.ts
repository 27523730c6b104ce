import rawPolicy from './related-orders-policy.data.json';

/** The related-orders rule as data; a plan records the policy it was decided under. */
export interface RelatedOrdersPolicy {
  /** Address and invoice title must be MORE than this percent similar (85: exactly 85% is not related). */
  readonly similarityThresholdPercent: number;
  /** Orders at most this many minutes apart (inclusive) can be related. */
  readonly windowMinutes: number;
  /** Whether two orders without any invoice title can still be related. */
  readonly invoiceTitleWhenBothAbsent: 'IGNORE' | 'UNRELATED';
}

/** Checks a policy document; throws at load time, naming the field, when it is malformed. */
export function loadRelatedOrdersPolicy(raw: unknown): RelatedOrdersPolicy {
  const policy = raw as Partial<RelatedOrdersPolicy>;
  const percent = policy.similarityThresholdPercent;
  if (typeof percent !== 'number' || !(percent >= 0 && percent < 100)) {
    throw new Error(`Related-orders policy: similarityThresholdPercent must be in [0, 100), got ${JSON.stringify(percent)}`);
  }
  if (!Number.isSafeInteger(policy.windowMinutes) || (policy.windowMinutes ?? 0) <= 0) {
    throw new Error(`Related-orders policy: windowMinutes must be a positive integer, got ${JSON.stringify(policy.windowMinutes)}`);
  }
  if (policy.invoiceTitleWhenBothAbsent !== 'IGNORE' && policy.invoiceTitleWhenBothAbsent !== 'UNRELATED') {
    throw new Error(`Related-orders policy: invoiceTitleWhenBothAbsent must be IGNORE or UNRELATED, got ${JSON.stringify(policy.invoiceTitleWhenBothAbsent)}`);
  }
  return Object.freeze({
    similarityThresholdPercent: percent,
    windowMinutes: policy.windowMinutes as number,
    invoiceTitleWhenBothAbsent: policy.invoiceTitleWhenBothAbsent,
  });
}

/** The policy of `related-orders-policy.data.json`: more than 85%, within 60 minutes. */
export const DEFAULT_RELATED_ORDERS_POLICY: RelatedOrdersPolicy = loadRelatedOrdersPolicy(rawPolicy);
