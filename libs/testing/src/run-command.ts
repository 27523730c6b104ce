import { spawn } from 'node:child_process';

/** How a command ended, with everything it wrote (stdout and stderr interleaved as they came). */
export interface CommandRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The command was still running at the timeout and was stopped. */
  timedOut: boolean;
  output: string;
  durationMs: number;
}

export interface RunCommandOptions {
  cwd?: string;
  /** The whole environment of the command (pass `{ ...process.env, ... }` to extend this one's). */
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** After the timeout: SIGTERM, then SIGKILL if it still runs this much later (default 20 s), so a script's own clean-up can run. */
  graceMs?: number;
}

/**
 * Runs a command to its end and resolves with its exit and output — never rejects for a non-zero
 * exit, so a test can assert on the code and show the output. A command still running at
 * `timeoutMs` is stopped (SIGTERM, then SIGKILL) and reported as `timedOut`.
 *
 * @example
 * const run = await runCommand('bash', ['scripts/run-services.sh', '--orders', '20'], { cwd: repoRoot, timeoutMs: 120_000 });
 * expect(run.exitCode).toBe(0);
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<CommandRun> {
  const startedAt = Date.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  let killer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 20_000);
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ exitCode, signal, timedOut, output, durationMs: Date.now() - startedAt });
    });
  });
}
