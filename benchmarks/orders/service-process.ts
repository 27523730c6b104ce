import { spawnHttpService, type ServiceProcess } from '../pipeline/child-service';

export type { ServiceProcess };

/**
 * Spawns `node -r @swc-node/register apps/order-service/src/main.ts` with `env` added to this
 * process's environment on a free port ({@link spawnHttpService}: output to `logFile`,
 * `BENCH_SERVICE_NODE_ARGS` on its node command line) and resolves once `/health` answers 200.
 */
export function spawnOrderService(env: Record<string, string>, logFile: string): Promise<ServiceProcess> {
  return spawnHttpService('apps/order-service/src/main.ts', 'HTTP_PORT', env, logFile);
}
