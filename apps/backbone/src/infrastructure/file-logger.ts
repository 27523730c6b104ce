import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';

/**
 * The services' structured logs (pino JSON), into a file so the terminal shows only progress and
 * the summary. Same redaction as `@oms/nest-kit`'s `createLogger`.
 */
export function createFileLogger(file: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  mkdirSync(dirname(file), { recursive: true });
  return pino(
    { level, base: { service: 'backbone' }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: ['*.authorization', '*.secret', '*.password', '*.privateKey'], censor: '[redacted]' } },
    pino.destination({ dest: file, sync: false, mkdir: true }),
  );
}
