import type { Logger } from 'pino';
import type { MessagingLogger } from '@oms/messaging';

/** The messaging library's log lines (kafkajs's own among them) through the service's pino logger. */
export function messagingLogger(logger: Logger): MessagingLogger {
  const child = logger.child({ component: 'messaging' });
  return { info: (message, fields) => child.info(fields ?? {}, message), warn: (message, fields) => child.warn(fields ?? {}, message), error: (message, fields) => child.error(fields ?? {}, message) };
}
