import * as http from 'node:http';
import * as https from 'node:https';

/** One HTTP request as {@link RecordedHttpClient} makes it. */
export interface HttpExchangeRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** The answer: status and the whole body as text. */
export interface HttpExchangeResponse {
  status: number;
  body: string;
}

/** What a timed-out exchange rejects with (named like the `AbortSignal.timeout` error it replaces). */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
  }
}

/**
 * Sends one request and reads the whole answer, through node's keep-alive agents (the default
 * agents keep connections open since Node 19). Chosen over the global `fetch` because a carrier
 * route query per chunk of tracks is on the hot path: `fetch` (undici behind WHATWG streams,
 * `AbortSignal`s and `Request`/`Response` objects) cost about 1.5 ms of CPU per call in the
 * service's profile, several times this. `timeoutMs` bounds the whole exchange, answer included.
 */
export function httpExchange(request: HttpExchangeRequest): Promise<HttpExchangeResponse> {
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers = body === undefined ? request.headers : { ...request.headers, 'content-length': String(body.length) };
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, { method: request.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', fail);
      // However a connection closes mid-answer (node reports an abort as an error; this covers any other way), do not wait for the timeout.
      response.on('close', () => response.complete || fail(new Error('the answer was cut off before its end')));
    });
    let timedOut: HttpTimeoutError | undefined;
    const timer = setTimeout(() => outgoing.destroy((timedOut = new HttpTimeoutError(request.timeoutMs))), request.timeoutMs);
    // Whichever event reports the end first, a timed-out exchange fails as a timeout.
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(timedOut ?? error);
    }
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}
