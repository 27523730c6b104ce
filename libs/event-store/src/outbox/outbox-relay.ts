import type { Pool, PoolClient } from 'pg';
import type { OutgoingMessage } from '@oms/contracts';
import type { LogCheckpoint, LoggedEvent } from '../model/stored-event';
import type { CommitSignal } from './commit-signal';
import { readAll, type LogPage } from '../read/read-all';
import { eventToMessage } from './event-to-message';
import { OutboxCheckpointRepository } from './outbox-checkpoint.repository';
import { acquireLeadership } from './relay-leadership';

/** The logging the relay needs; pino and console both fit. */
export interface RelayLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** How an {@link OutboxRelay} runs. */
export interface OutboxRelayOptions {
  pool: Pool;
  /** Publishes a batch and resolves once the broker acknowledged every record (acks all). */
  publish: (messages: OutgoingMessage[]) => Promise<void>;
  /** The topic an event goes to, e.g. `() => 'oms.order.events.v1'`. */
  topicFor: (event: LoggedEvent) => string;
  /** Checkpoint and leadership name; one active relay per name (default `outbox`). */
  name?: string;
  batchSize?: number;
  /** Pause when there was nothing (more) to publish; a commit heard on `wakeOn` ends it early. */
  idleDelayMs?: number;
  /**
   * Commits of this process's writers: each one ends the idle pause, so an event committed here
   * is published without waiting for it. Without it (or for commits elsewhere) the pause is the bound.
   */
  wakeOn?: CommitSignal;
  /** Longest pause between retries after a failed publish. */
  maxBackoffMs?: number;
  logger?: RelayLogger;
}

const silent: RelayLogger = { info: () => undefined, warn: () => undefined };

/**
 * Publishes appended events to Kafka: the transactional outbox. It tails the global log
 * (skipping nothing that commits late), publishes a batch, then saves its checkpoint; a crash
 * between the two republishes that batch, so delivery is at-least-once and consumers drop
 * duplicates by event id. Per-stream order on the topic equals stream-version order. Only one
 * relay per name publishes at a time (a session advisory lock); others wait as standbys.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private leader?: PoolClient;
  private leaderLost = false;
  private readonly checkpoints: OutboxCheckpointRepository;
  private readonly options: Required<Omit<OutboxRelayOptions, 'pool' | 'wakeOn'>> & Pick<OutboxRelayOptions, 'pool' | 'wakeOn'>;
  /** A commit was heard since the last read began: the next pause is skipped. */
  private woken = false;
  /** Ends the pause in progress, if any. */
  private endPause?: () => void;
  private unsubscribe?: () => void;
  /** Events published since start (including republished ones after a crash). */
  published = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = { name: 'outbox', batchSize: 2000, idleDelayMs: 20, maxBackoffMs: 5000, logger: silent, ...options };
    this.checkpoints = new OutboxCheckpointRepository(options.pool);
  }

  /** Starts publishing in the background; resolves once this relay holds leadership. */
  async start(): Promise<void> {
    this.running = true;
    this.unsubscribe = this.options.wakeOn?.subscribe(() => this.wake());
    await this.lead();
    if (!this.running) {
      // stop() came while the lock was being granted: it found no leader to release.
      this.leader?.release(true);
      this.leader = undefined;
      return;
    }
    this.loop = this.run();
  }

  // Publishing without the lock could interleave two relays, so losing the leader connection
  // stops publishing until the lock is held again.
  private async lead(): Promise<void> {
    this.leader = await acquireLeadership(this.options.pool, this.options.name, () => this.running);
    this.leader.once('error', (error) => {
      this.options.logger.warn({ relay: this.options.name, error: String(error) }, 'outbox relay lost its leader connection');
      this.leaderLost = true;
    });
  }

  /** Finishes the batch in flight, saves the checkpoint and releases leadership. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.endPause?.();
    await this.loop;
    // Destroy rather than return the connection: a pooled connection would keep the session lock.
    this.leader?.release(true);
    this.leader = undefined;
  }

  /** Reads again now rather than after the idle pause (a writer of this process committed). */
  wake(): void {
    this.woken = true;
    this.endPause?.();
  }

  /** The idle pause: `ms`, or less when a commit is heard — or none when one was heard since the read began. */
  private pause(ms: number): Promise<void> {
    if (this.woken || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endPause?.(), ms);
      this.endPause = () => {
        clearTimeout(timer);
        this.endPause = undefined;
        resolve();
      };
    });
  }

  private async regainLeadership(): Promise<void> {
    this.leader?.release(true);
    this.leaderLost = false;
    await this.lead();
  }

  /** Reads the next page. A commit heard after this read is issued may not be in it: it skips the next pause. */
  private read(checkpoint: LogCheckpoint): Promise<LogPage> {
    this.woken = false;
    return readAll(this.options.pool, checkpoint, this.options.batchSize);
  }

  private async run(): Promise<void> {
    const { name, batchSize, idleDelayMs, maxBackoffMs, logger } = this.options;
    let checkpoint = await this.checkpoints.load(name);
    let failures = 0;
    let readAhead: Promise<LogPage> | undefined;
    while (this.running) {
      try {
        if (this.leaderLost) await this.regainLeadership();
        const page = await (readAhead ?? this.read(checkpoint));
        readAhead = undefined;
        if (page.events.length > 0) {
          // A full page means more is waiting: read it while the broker acknowledges this one.
          if (page.events.length === batchSize) readAhead = quietly(this.read(page.checkpoint));
          await this.options.publish(page.events.map((event) => eventToMessage(event, this.options.topicFor(event))));
          await this.checkpoints.save(name, page.checkpoint);
          checkpoint = page.checkpoint;
          this.published += page.events.length;
          failures = 0;
        }
        if (page.events.length < batchSize) await this.pause(idleDelayMs);
      } catch (error) {
        readAhead = undefined; // the failed batch is read again from the saved checkpoint
        failures += 1;
        const delay = Math.min(maxBackoffMs, 100 * 2 ** Math.min(failures, 10));
        logger.warn({ relay: name, attempt: failures, retryInMs: delay, error: String(error) }, 'outbox publish failed; retrying the same batch');
        await sleep(delay);
      }
    }
  }
}

/** The same promise, marked as handled: a read-ahead that fails is awaited (and thrown) later, or dropped. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
