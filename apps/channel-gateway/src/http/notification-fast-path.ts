import { Logger } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendAnswer } from './http-answer';
import type { RawBodyRequest } from './raw-body';
import { rawBodyMiddleware } from './raw-body.middleware';

/** A controller method that answers a raw-body request itself (the notification controllers' `notify`). */
export type RawRequestHandler = (request: RawBodyRequest, response: ServerResponse) => Promise<void>;

/**
 * The providers' callbacks (`POST /payments/wechatpay/notify`, `POST /payments/alipay/notify`)
 * served straight from `node:http`, ahead of express and Nest's router: the same controllers,
 * verification and durable intake, minus the per-request framework cost (router, middleware
 * chain, pino-http's child logger and finish line) that profiling showed to be half of the CPU
 * of a notification at load. What is lost for these two routes is the per-request access log
 * line: refusals and failures are still logged by the handler, every outcome is counted in
 * `gateway_payment_notifications_total`. Every other route goes to express unchanged.
 */
export function installNotificationFastPath(server: Server, routes: ReadonlyMap<string, RawRequestHandler>, bodyLimitBytes: number): void {
  const logger = new Logger('NotificationFastPath');
  const readBody = rawBodyMiddleware(bodyLimitBytes);
  const [framework] = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  if (!framework) throw new Error('the HTTP server has no request handler to put the fast path in front of');
  const fail = (response: ServerResponse, error: unknown) => {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'notification handling failed; answering 500 so the provider retries');
    if (!response.headersSent) sendAnswer(response, { status: 500, headers: {}, body: { code: 'SYSTEM_ERROR', message: 'not recorded, please retry' } });
  };
  server.removeListener('request', framework);
  server.on('request', (request: RawBodyRequest, response: ServerResponse) => {
    const query = request.url?.indexOf('?') ?? -1;
    const handler = request.method === 'POST' ? routes.get(query === -1 ? (request.url ?? '') : (request.url ?? '').slice(0, query)) : undefined;
    if (!handler) return framework(request, response);
    readBody(request, response, (error?: unknown) => {
      if (error) return fail(response, error);
      handler(request, response).catch((failure: unknown) => fail(response, failure));
    });
  });
}
