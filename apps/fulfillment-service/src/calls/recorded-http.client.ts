import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpExchange } from '@oms/http-client';
import { callAttemptsTotal } from '../app/fulfillment-metrics';
import { CallFailedError } from './call-failed.error';
import type { CallLogRepository } from './call-log.repository';
import type { CallAttempt, CallResult, ExternalCall } from './external-call';

/** Retry policy of {@link RecordedHttpClient}. */
export interface CallPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  backoffMs: number;
  timeoutMs: number;
}

/**
 * The only way the service talks HTTP to warehouses and carriers: no silent retries. Each attempt
 * is recorded (request, response, HTTP status, duration, attempt number, the backoff that
 * followed) before the next one starts. No answer, a 5xx or a 429 is retried up to
 * `maxAttempts` with exponential backoff, then {@link CallFailedError}; any other answer is
 * returned for the adapter to interpret.
 */
export class RecordedHttpClient {
  constructor(
    private readonly log: CallLogRepository,
    private readonly policy: CallPolicy,
  ) {}

  async call(call: ExternalCall): Promise<CallResult> {
    const requestId = randomUUID();
    let lastFailure = '';
    let lastCallId = '';
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      const outcome = await this.attempt(call);
      const retryable = outcome.status === null || outcome.status >= 500 || outcome.status === 429;
      const retryAfterMs = retryable && attempt < this.policy.maxAttempts ? this.policy.backoffMs * 2 ** (attempt - 1) : null;
      const record: CallAttempt = { callId: randomUUID(), requestId, call, attempt, retryAfterMs, ...outcome, httpStatus: outcome.status };
      await this.log.record(record);
      callAttemptsTotal.inc({ system: call.system, operation: call.operation, status: outcome.status === null ? 'none' : `${Math.floor(outcome.status / 100)}xx` });
      if (!retryable) return { callId: record.callId, requestId, status: outcome.status as number, body: outcome.responseBody ?? '', attempts: attempt };
      lastFailure = outcome.error ?? `HTTP ${outcome.status}`;
      lastCallId = record.callId;
      if (retryAfterMs !== null) await sleep(retryAfterMs);
    }
    throw new CallFailedError(call, this.policy.maxAttempts, lastFailure, lastCallId);
  }

  private async attempt(call: ExternalCall): Promise<{ startedAt: number; durationMs: number; status: number | null; responseBody: string | null; error: string | null }> {
    const startedAt = Date.now();
    try {
      const response = await httpExchange({ method: call.method, url: call.url, headers: call.headers, body: call.body, timeoutMs: this.policy.timeoutMs });
      return { startedAt, durationMs: Date.now() - startedAt, status: response.status, responseBody: response.body, error: null };
    } catch (error) {
      return { startedAt, durationMs: Date.now() - startedAt, status: null, responseBody: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
