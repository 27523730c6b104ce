import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * Nest's logging through pino, with one request log line per HTTP call (method, URL, status,
 * duration). Bind order and plan ids with `PinoLogger.assign({ orderId })` inside a request.
 */
export function loggingModule(logger: Logger) {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      customProps: () => ({ context: 'http' }),
    },
  });
}
