import { Agent, request } from 'node:http';
import type { SignedRequest } from './notification-signer.worker';

/** One request's fate. */
export interface RequestOutcome {
  outTradeNo: string;
  /** When the fixed-rate schedule wanted it sent (ms, performance clock). */
  scheduledAt: number;
  sentAt: number;
  answeredAt: number;
  /** HTTP status; 0 for a transport error. */
  status: number;
}

function send(agent: Agent, url: string, signed: SignedRequest): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(`${url}${signed.path}`, { method: 'POST', agent, headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(signed.body)) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(0));
    });
    outgoing.on('error', () => resolve(0));
    outgoing.end(signed.body);
  });
}

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate whatever happened to the
 * earlier ones (a closed loop would slow down with the server and hide its queueing —
 * "coordinated omission"). Latency is therefore counted from the due time. Requests go round robin
 * to `urls` (several gateway replicas).
 */
export async function runFixedRate(urls: readonly string[], requests: readonly SignedRequest[], rate: number, connections: number): Promise<RequestOutcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const outcomes: Array<Promise<RequestOutcome>> = [];
  const intervalMs = 1000 / rate;
  const start = performance.now();
  for (let index = 0; index < requests.length; index += 1) {
    const scheduledAt = start + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const signed = requests[index]!;
    const sentAt = performance.now();
    outcomes.push(send(agent, urls[index % urls.length]!, signed).then((status) => ({ outTradeNo: signed.outTradeNo, scheduledAt, sentAt, answeredAt: performance.now(), status })));
  }
  const settled = await Promise.all(outcomes);
  agent.destroy();
  return settled;
}
