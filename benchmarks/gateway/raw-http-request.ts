import type { SignedRequest } from './notification-signer.worker';

/**
 * The exact HTTP/1.1 bytes of a signed notification request, built before the timed run so that
 * sending one costs a socket write (as wrk or autocannon do) instead of node:http's per-request
 * header validation, stream objects and response parsing — CPU that would otherwise be taken
 * from the gateway, which shares the same cores. The gateway still receives and parses ordinary
 * HTTP/1.1 with node:http.
 */
export function encodeRequest(signed: SignedRequest, host: string): Buffer {
  const body = Buffer.from(signed.body, 'utf8');
  const headers = { ...signed.headers, host, connection: 'keep-alive', 'content-length': String(body.length) };
  const head = [`POST ${signed.path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}
