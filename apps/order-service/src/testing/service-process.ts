import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { waitFor } from '@oms/testing';

/** order-service running as a child process (`node -r @swc-node/register apps/order-service/src/main.ts`). */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Kills it with `signal` and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const repoRoot = resolve(__dirname, '../../../..');

/** Spawns the service with `env` on top of this process's environment; resolves once `/health` answers 200. */
export async function spawnOrderService(env: Record<string, string>, logFile: string, port: number): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/order-service/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    child,
    url,
    kill: (signal) =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
        child.once('exit', () => resolveExit());
        child.kill(signal);
      }),
  };
  try {
    await waitFor(`order-service answering ${url}/health (log: ${logFile})`, async () => {
      if (child.exitCode !== null) throw new Error(`order-service exited with ${child.exitCode} (log: ${logFile})`);
      return (await fetch(`${url}/health`).catch(() => undefined))?.ok;
    }, { timeoutMs: 60_000, intervalMs: 200 });
    return service;
  } catch (error) {
    await service.kill('SIGKILL');
    throw error;
  }
}
