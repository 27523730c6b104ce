/** Structured fields attached to a log line (topic, partition, attempt, error...). */
export type LogFields = Record<string, unknown>;

/**
 * The small logger the messaging layer writes to. A pino logger fits through a one-line adapter
 * (`{ info: (m, f) => pino.info(f, m), ... }`); the default is {@link noopLogger}.
 */
export interface MessagingLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything: the library never writes to the console on its own. */
export const noopLogger: MessagingLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
