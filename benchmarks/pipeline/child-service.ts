import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, waitFor } from '@oms/testing';

const repoRoot = resolve(__dirname, '../..');

/** A service of the pipeline running as its own node process. */
export interface ChildService {
  name: string;
  child: ChildProcess;
  /** Peak resident memory so far (VmHWM), MiB; null where /proc is not available. */
  peakMemoryMiB(): number | null;
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `node -r @swc-node/register <entry>` with `env` over this process's environment, its
 * output into `logFile` (`BENCH_SERVICE_NODE_ARGS` are added to its node command line, e.g.
 * `--cpu-prof`), and resolves once `ready()` holds.
 */
export async function spawnService(name: string, entry: string, env: Record<string, string>, logFile: string, ready: () => Promise<boolean>): Promise<ChildService> {
  const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const service: ChildService = { name, child, peakMemoryMiB: () => peakMemoryMiB(child.pid), stop: (graceMs) => stopChild(child, graceMs) };
  try {
    await waitFor(`${name} ready (log: ${logFile})`, async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} (log: ${logFile})`);
      return ready();
    }, { timeoutMs: 120_000, intervalMs: 250 });
    return service;
  } catch (error) {
    await service.stop(1_000);
    throw error;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
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

/** `<url><path>` answers 2xx. */
export const healthy = (url: string, path = '/health') => async () => (await fetch(`${url}${path}`).catch(() => undefined))?.ok === true;

/** A service with an HTTP API running as a child process. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Base URL of its HTTP API. */
  url: string;
  /** SIGTERM, and SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * {@link spawnService} with `portVariable` set to a free port in its environment; resolves once
 * `<url><readyPath>` answers 2xx.
 */
export async function spawnHttpService(entry: string, portVariable: string, env: Record<string, string>, logFile: string, readyPath = '/health'): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await spawnService(entry, entry, { ...env, [portVariable]: String(port) }, logFile, healthy(url, readyPath));
  return { child: service.child, url, stop: service.stop };
}

function peakMemoryMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
