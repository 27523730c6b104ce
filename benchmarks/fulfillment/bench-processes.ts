import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, waitFor } from '@oms/testing';
import type { ServiceProcess } from '../orders/service-process';

const repoRoot = resolve(__dirname, '../..');

/**
 * Spawns `node -r @swc-node/register <entry>` with `env` (plus `portVariable` = a free port),
 * output to `logFile`, and resolves once `<url><readyPath>` answers 2xx. `BENCH_SERVICE_NODE_ARGS`
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) are added to the node command line.
 */
export async function spawnApp(entry: string, portVariable: string, env: Record<string, string>, logFile: string, readyPath: string): Promise<ServiceProcess> {
  const port = await freePort();
  const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry], { cwd: repoRoot, env: { ...process.env, ...env, [portVariable]: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = (graceMs = 20_000) =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => (clearTimeout(killer), resolveStop()));
      child.kill('SIGTERM');
    });
  await waitFor(`${entry} answering ${url}${readyPath} (log: ${logFile})`, async () => {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} (log: ${logFile})`);
    return (await fetch(`${url}${readyPath}`).catch(() => undefined))?.ok;
  }, { timeoutMs: 120_000, intervalMs: 250 });
  return { child, url, stop };
}
