import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headerText } from './header-text';
import { httpExchange } from './http-exchange';

describe('httpExchange (a real HTTP server on a free port)', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ method?: string; contentType?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ method: request.method, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        if (request.url === '/slow') return void setTimeout(() => response.end('too late'), 500);
        if (request.url === '/stalled') {
          response.writeHead(200, { 'content-length': '1000' });
          return void response.write('{"routeResps": [');
        }
        if (request.url === '/cut') {
          response.writeHead(200, { 'content-length': '1000' });
          response.write('{"routeResps": [');
          return void setTimeout(() => response.destroy(), 20);
        }
        response.statusCode = request.url === '/busy' ? 503 : 200;
        // Mixed case and a repeated header, to see them lower-cased and joined as fetch's Headers.get would.
        response.setHeader('Wechatpay-Serial', 'PUB_KEY_ID_0114232');
        response.setHeader('X-Repeated', ['one', 'two']);
        response.end(JSON.stringify({ echo: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body (multi-byte text counted in bytes) and answers status, body and headers', async () => {
    const answer = await httpExchange({ method: 'POST', url: `${url}/echo`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'remark=快件到达', timeoutMs: 2_000 });
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ echo: 'remark=快件到达' }), headers: expect.objectContaining({ 'wechatpay-serial': 'PUB_KEY_ID_0114232', 'x-repeated': 'one, two' }) });
    expect(seen.at(-1)).toEqual({ method: 'POST', contentType: 'application/x-www-form-urlencoded', body: 'remark=快件到达' });
  });

  it('reads one header whatever the case of its name, undefined when absent (headerText)', async () => {
    const { headers } = await httpExchange({ method: 'GET', url: `${url}/echo`, timeoutMs: 2_000 });
    expect(headerText(headers, 'Wechatpay-Serial')).toBe('PUB_KEY_ID_0114232');
    expect(headerText(headers, 'x-repeated')).toBe('one, two');
    expect(headerText({ 'set-cookie': ['a=1', 'b=2'] }, 'Set-Cookie')).toBe('a=1, b=2');
    expect(headerText(headers, 'wechatpay-nonce')).toBeUndefined();
  });

  it('answers a 5xx as a status, for the caller to retry and record', async () => {
    await expect(httpExchange({ method: 'POST', url: `${url}/busy`, body: '{}', timeoutMs: 2_000 })).resolves.toMatchObject({ status: 503 });
  });

  it('rejects with a TimeoutError when the answer does not come within timeoutMs', async () => {
    const started = Date.now();
    await expect(httpExchange({ method: 'POST', url: `${url}/slow`, body: '{}', timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('rejects with a TimeoutError when an answer started but stalls', async () => {
    await expect(httpExchange({ method: 'POST', url: `${url}/stalled`, body: '{}', timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects an answer cut off before its end, long before the timeout', async () => {
    const started = Date.now();
    await expect(httpExchange({ method: 'POST', url: `${url}/cut`, body: '{}', timeoutMs: 5_000 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rejects a malformed URL rather than throwing', async () => {
    // A synchronous throw would fail this line before `expect` sees a promise.
    const exchange = httpExchange({ method: 'POST', url: 'not a url', body: '{}', timeoutMs: 2_000 });
    await expect(exchange).rejects.toMatchObject({ code: 'ERR_INVALID_URL' });
  });

  it('rejects when nobody listens', async () => {
    await expect(httpExchange({ method: 'POST', url: 'http://127.0.0.1:1/nothing', body: '{}', timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
