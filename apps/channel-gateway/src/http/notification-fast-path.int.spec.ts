import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawBodyOf } from './raw-body';
import { installNotificationFastPath, type RawRequestHandler } from './notification-fast-path';

// The fast path on a real node:http server: the callback routes skip the framework's handler,
// everything else still reaches it, and a failing handler still answers so the provider retries.
let server: Server;
let url: string;
const frameworkSaw: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    frameworkSaw.push(`${request.method} ${request.url}`);
    response.writeHead(204).end();
  });
  installNotificationFastPath(
    server,
    new Map<string, RawRequestHandler>([
      ['/payments/wechatpay/notify', async (request, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).end(`fast:${rawBodyOf(request).toString('utf8')}`)],
      ['/payments/alipay/notify', async () => Promise.reject(new Error('database down'))],
    ]),
    16,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = async (path: string, body: string) => {
  const response = await fetch(`${url}${path}`, { method: 'POST', body });
  return { status: response.status, body: await response.text() };
};

it('serves the callback routes itself, with the raw body, query string or not', async () => {
  expect(await post('/payments/wechatpay/notify', '{"id":"EV-1"}')).toEqual({ status: 200, body: 'fast:{"id":"EV-1"}' });
  expect(await post('/payments/wechatpay/notify?from=retry', 'x')).toEqual({ status: 200, body: 'fast:x' });
  expect(frameworkSaw).toEqual([]);
});

it('hands every other request to the framework unchanged', async () => {
  await post('/channels/shopify/orders', '{}');
  await fetch(`${url}/payments/wechatpay/notify`);
  expect(frameworkSaw).toEqual(['POST /channels/shopify/orders', 'GET /payments/wechatpay/notify']);
});

it('answers 500 SYSTEM_ERROR when the handler fails, and 413 for a body over the limit', async () => {
  expect(await post('/payments/alipay/notify', 'a=1')).toEqual({ status: 500, body: JSON.stringify({ code: 'SYSTEM_ERROR', message: 'not recorded, please retry' }) });
  expect((await post('/payments/wechatpay/notify', 'x'.repeat(17))).status).toBe(413);
});
