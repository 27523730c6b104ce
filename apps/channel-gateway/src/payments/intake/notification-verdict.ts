import type { Refusal } from './notification-refusal';

/**
 * How a notification ended, before it is put in the provider's answer format:
 * `durable` (published now, or a duplicate of a fact published before) → 200 with
 * X-Callback-Verified; `refused` → 4xx; `failed` (database or broker unavailable) → 500.
 */
export type NotificationVerdict =
  | { kind: 'durable'; outTradeNo: string; duplicate: boolean; callbackTimestamp: string; callbackVerified: string }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed' };
