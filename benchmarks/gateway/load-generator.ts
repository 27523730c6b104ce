import { KeepAlivePool } from './keep-alive-pool';
import type { SignedRequest } from './notification-signer.worker';
import { encodeRequest } from './raw-http-request';

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

/** A request ready to write: its bytes for the gateway it goes to. */
export interface EncodedRequest {
  outTradeNo: string;
  bytes: Buffer;
}

/** Keep-alive connections to the gateways, one pool per URL; reused from the warm-up to the measured run. */
export class GatewayTargets {
  private readonly pools: KeepAlivePool[];

  constructor(readonly urls: readonly string[], connections: number) {
    this.pools = urls.map((url) => {
      const { hostname, port } = new URL(url);
      return new KeepAlivePool(hostname, Number(port), connections);
    });
  }

  /** The bytes of each request for the gateway it will go to (request i to gateway i mod n). */
  encode(requests: readonly SignedRequest[]): EncodedRequest[] {
    const hosts = this.urls.map((url) => new URL(url).host);
    return requests.map((signed, index) => ({ outTradeNo: signed.outTradeNo, bytes: encodeRequest(signed, hosts[index % hosts.length]!) }));
  }

  send(index: number, request: Buffer): Promise<number> {
    return this.pools[index % this.pools.length]!.send(request);
  }

  close(): void {
    for (const pool of this.pools) pool.destroy();
  }
}

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate whatever happened to the
 * earlier ones (a closed loop would slow down with the server and hide its queueing —
 * "coordinated omission"). Latency is therefore counted from the due time. Requests go round robin
 * to the targets (several gateway replicas), in the order `targets.encode` prepared them for.
 */
export async function runFixedRate(targets: GatewayTargets, requests: readonly EncodedRequest[], rate: number): Promise<RequestOutcome[]> {
  const outcomes: Array<Promise<RequestOutcome>> = [];
  const intervalMs = 1000 / rate;
  const start = performance.now();
  for (let index = 0; index < requests.length; index += 1) {
    const scheduledAt = start + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { outTradeNo, bytes } = requests[index]!;
    const sentAt = performance.now();
    outcomes.push(targets.send(index, bytes).then((status) => ({ outTradeNo, scheduledAt, sentAt, answeredAt: performance.now(), status })));
  }
  return Promise.all(outcomes);
}
