/** Who we call. Each one's calls are recorded in the call log under this name. */
export type ExternalSystem = 'WAREHOUSE' | 'E_WAYBILL' | 'SF' | 'ZTO' | 'JD' | 'KUAIDI100';

/** One logical call to a warehouse or carrier API (retried as attempts, each recorded). */
export interface ExternalCall {
  system: ExternalSystem;
  /** What the call does, for the log: `reserve-inventory`, `create-waybill`, `query-route`... */
  operation: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  orderId?: string | null;
  trackingNumber?: string | null;
  /** A call concerning several orders or waybills at once (a batched route query): each one, so the log finds it from any of them. */
  orderIds?: string[];
  trackingNumbers?: string[];
}

/** The answer of the last attempt. 4xx answers come back too: the caller decides what they mean. */
export interface CallResult {
  /** Id of the recorded attempt that answered (SandboxCheck.callId). */
  callId: string;
  /** Id shared by every attempt of the call. */
  requestId: string;
  status: number;
  body: string;
  attempts: number;
}

/** One attempt as the call log stores it. */
export interface CallAttempt {
  callId: string;
  requestId: string;
  call: ExternalCall;
  attempt: number;
  startedAt: number;
  durationMs: number;
  httpStatus: number | null;
  responseBody: string | null;
  error: string | null;
  /** The backoff waited before the next attempt; null on the last one. */
  retryAfterMs: number | null;
}
