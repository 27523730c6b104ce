import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeepAlivePool } from './keep-alive-pool';
import { encodeRequest } from './raw-http-request';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('KeepAlivePool', () => {
  const seen: Array<{ path: string; body: string; nonce: string | undefined }> = [];
  const sockets = new Set<unknown>();
  const server = createServer((request, response) => {
    sockets.add(request.socket);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8'), nonce: request.headers['wechatpay-nonce'] as string | undefined });
      if (request.url === '/drop') return request.socket.destroy();
      const status = request.url === '/fail' ? 500 : 200;
      const body = JSON.stringify({ ok: status === 200 });
      // As the gateway's answers: with a content-length (a chunked one is read as "do not reuse").
      const headers = request.url === '/chunked' ? {} : { 'content-length': String(body.length) };
      // Answer out of step with the requests, so several connections are busy at once.
      setTimeout(() => response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body), 5);
    });
  });
  let port = 0;

  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    sockets.clear();
  });

  const request = (path: string, index: number) =>
    encodeRequest({ outTradeNo: `T${index}`, path, headers: { 'content-type': 'application/json', 'wechatpay-nonce': `n${index}` }, body: JSON.stringify({ index, text: '支付成功' }) }, `127.0.0.1:${port}`);

  it('delivers every request byte for byte over at most maxConnections connections', async () => {
    const pool = new KeepAlivePool('127.0.0.1', port, 4);
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, index) => pool.send(request('/payments/wechatpay/notify', index))));
    pool.destroy();
    expect(statuses).toEqual(Array.from({ length: 200 }, () => 200));
    expect(sockets.size).toBeLessThanOrEqual(4);
    expect(seen.map((entry) => JSON.parse(entry.body).index).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, index) => index));
    expect(seen.every((entry) => entry.nonce === `n${JSON.parse(entry.body).index}` && JSON.parse(entry.body).text === '支付成功')).toBe(true);
  });

  it('reports the server status, and 0 for a connection lost before the answer, then carries on', async () => {
    const pool = new KeepAlivePool('127.0.0.1', port, 1);
    const statuses = await Promise.all([pool.send(request('/fail', 0)), pool.send(request('/drop', 1)), pool.send(request('/chunked', 2)), pool.send(request('/ok', 3))]);
    pool.destroy();
    expect(statuses).toEqual([500, 0, 200, 200]);
    // /drop and /chunked each cost the connection they were on.
    expect(sockets.size).toBe(3);
  });
});
