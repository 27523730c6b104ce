import type { Logger } from 'pino';
import type { MessagingLogger } from '@oms/messaging';

/** The messaging library's log lines (kafkajs's own among them) through a pino logger. */
export function messagingLogger(logger: Logger): MessagingLogger {
  return { info: (message, fields) => logger.info(fields ?? {}, message), warn: (message, fields) => logger.warn(fields ?? {}, message), error: (message, fields) => logger.error(fields ?? {}, message) };
}
