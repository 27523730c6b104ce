import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, waitFor } from '@oms/testing';

/** order-service running as a child process. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Base URL of its HTTP API. */
  url: string;
  /** SIGTERM, and SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const repoRoot = resolve(__dirname, '../..');

/**
 * Spawns `node -r @swc-node/register apps/order-service/src/main.ts` with `env` added to this
 * process's environment (its output goes to `logFile`; `BENCH_SERVICE_NODE_ARGS` are added to
 * its node command line) and resolves once `/health` answers 200.
 */
export async function spawnOrderService(env: Record<string, string>, logFile: string, startTimeoutMs = 120_000): Promise<ServiceProcess> {
  const port = await freePort();
  const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'apps/order-service/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = { child, url, stop: (graceMs) => stopChild(child, graceMs) };
  try {
    await waitFor(`order-service answering ${url}/health (log: ${logFile})`, async () => {
      if (child.exitCode !== null) throw new Error(`order-service exited with ${child.exitCode} (log: ${logFile})`);
      return (await fetch(`${url}/health`).catch(() => undefined))?.ok;
    }, { timeoutMs: startTimeoutMs, intervalMs: 250 });
    return service;
  } catch (error) {
    await service.stop(1_000);
    throw error;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
