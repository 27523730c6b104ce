import type { Pool } from 'pg';
import type { HealthProbe } from './health-probe';

/** `/health` is up for PostgreSQL when a `SELECT 1` comes back within `timeoutMs`. */
export function postgresProbe(pool: Pool, timeoutMs = 2000): HealthProbe {
  return {
    name: 'postgres',
    check: () => withTimeout(pool.query('SELECT 1').then(() => undefined), timeoutMs, 'PostgreSQL'),
  };
}

/** Rejects when `work` takes longer than `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
