import type { ServerResponse } from 'node:http';

/** A complete HTTP answer, built by a service and written by its controller. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  /** Text or JSON-serialisable body; undefined for none. */
  body?: string | object;
}

/** Writes an answer as is (status, headers, body) — providers read these exact bytes. */
export function sendAnswer(response: ServerResponse, answer: HttpAnswer): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (typeof answer.body === 'string') {
    payload = answer.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers);
  response.end(payload);
}
