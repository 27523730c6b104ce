import { logLevel, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../bus/messaging-logger';

/** kafkajs's level for our `clientLogLevel` option. */
export function kafkajsLogLevel(level: 'nothing' | 'error' | 'warn' | 'info'): logLevel {
  return { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO }[level];
}

/** Routes kafkajs's log lines to our logger instead of the console. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...fields } = log;
      const line = `kafkajs ${namespace}: ${message}`;
      const extra = { ...fields, component: 'kafkajs' };
      if (level === logLevel.ERROR) logger.error(line, extra);
      else if (level === logLevel.WARN) logger.warn(line, extra);
      else logger.info(line, extra);
    };
}
