import type { ServerResponse } from 'node:http';
import type { RawBodyRequest } from './raw-body';

/**
 * Keeps every request body as the raw bytes (`request.body: Buffer`): each protocol signs the
 * exact bytes, so nothing is parsed before verification. A body over `limitBytes` is drained
 * without being kept and answered 413. Lighter than body-parser's raw parser (no content-type
 * negotiation, no charset decoding), which matters on the notification hot path.
 */
export function rawBodyMiddleware(limitBytes: number) {
  return (request: RawBodyRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    request.on('error', next);
    request.on('end', () => {
      if (size > limitBytes) {
        response.writeHead(413, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', message: `body over ${limitBytes} bytes` }));
        return;
      }
      request.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      next();
    });
  };
}
