import type { ExternalCall, ExternalSystem } from '../calls/external-call';

/** An HTTP POST with a JSON body, as an {@link ExternalCall}. */
export function jsonPost(system: ExternalSystem, operation: string, url: string, body: unknown, refs: Pick<ExternalCall, 'orderId' | 'trackingNumber'>, headers: Record<string, string> = {}): ExternalCall {
  return { system, operation, method: 'POST', url, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers }, ...refs };
}

/** An HTTP POST with a form body (SF, Kuaidi100), as an {@link ExternalCall}. */
export function formPost(system: ExternalSystem, operation: string, url: string, fields: Record<string, string>, refs: Pick<ExternalCall, 'orderId' | 'trackingNumber' | 'orderIds' | 'trackingNumbers'>): ExternalCall {
  return { system, operation, method: 'POST', url, body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...refs };
}

/** Parses a carrier's JSON answer; a non-JSON answer becomes an object naming the problem (it is in the call log verbatim anyway). */
export function answerJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { unreadable: body };
  } catch {
    return { unreadable: body };
  }
}
