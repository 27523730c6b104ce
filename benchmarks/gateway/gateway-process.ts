import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/** channel-gateway as its own process (`apps/channel-gateway/src/main.ts`), as an operator runs it. */
export interface GatewayProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the gateway and waits until `/health` answers 200. */
export async function startGatewayProcess(env: Record<string, string>, log: (line: string) => void): Promise<GatewayProcess> {
  // BENCH_GATEWAY_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the gateway.
  const nodeArgs = (process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', join(REPO_ROOT, 'apps/channel-gateway/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${env['PORT']}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`channel-gateway exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.status === 200, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('channel-gateway did not become healthy within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`channel-gateway pid ${child.pid} healthy at ${url}`);
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
