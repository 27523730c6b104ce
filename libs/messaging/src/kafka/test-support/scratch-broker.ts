import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../../..');
const script = join(repoRoot, 'scripts/kafka.sh');

/**
 * A broker of its own, from scripts/kafka.sh, in a temporary directory and on free ports: tests
 * that stop and restart a broker must never touch the shared one on 9092.
 */
export class ScratchBroker {
  private constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  /** Starts a fresh broker (reusing the jars the shared broker already resolved). */
  static async start(): Promise<ScratchBroker> {
    const dir = await mkdtemp(join(tmpdir(), 'oms-scratch-kafka-'));
    const sharedJars = join(repoRoot, '.kafka/lib');
    if (existsSync(join(sharedJars, '.version'))) await symlink(sharedJars, join(dir, 'lib'));
    const broker = new ScratchBroker(dir, await freePortPair());
    await broker.start();
    return broker;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Starts the broker again on the same data. */
  start(): Promise<void> {
    return this.script('start');
  }

  /** SIGTERM, then SIGKILL after 30 s (scripts/kafka.sh stop). */
  stop(): Promise<void> {
    return this.script('stop');
  }

  /** Stops the broker and deletes its directory. */
  async wipe(): Promise<void> {
    await this.script('wipe');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async script(command: 'start' | 'stop' | 'wipe'): Promise<void> {
    await run('bash', [script, command], {
      env: { ...process.env, KAFKA_DIR: this.dir, KAFKA_PORT: String(this.port), KAFKA_CONTROLLER_PORT: String(this.port + 1) },
      timeout: 150_000,
    });
  }
}

// Two consecutive free ports (broker, controller), away from the shared broker's 9092/9093.
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 19_000 + 2 * Math.floor(Math.random() * 450);
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error('no free port pair for a scratch broker');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
