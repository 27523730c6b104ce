import type { ChildProcess } from 'node:child_process';
import { freePort } from '@oms/testing';
import { healthy, spawnService } from '../pipeline/child-service';

/** order-service running as a child process. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Base URL of its HTTP API. */
  url: string;
  /** SIGTERM, and SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `node -r @swc-node/register apps/order-service/src/main.ts` with `env` added to this
 * process's environment on a free port ({@link spawnService}: output to `logFile`,
 * `BENCH_SERVICE_NODE_ARGS` on its node command line) and resolves once `/health` answers 200.
 */
export async function spawnOrderService(env: Record<string, string>, logFile: string, startTimeoutMs = 120_000): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await spawnService('order-service', 'apps/order-service/src/main.ts', { ...env, HTTP_PORT: String(port) }, logFile, healthy(url), startTimeoutMs);
  return { child: service.child, url, stop: service.stop };
}
