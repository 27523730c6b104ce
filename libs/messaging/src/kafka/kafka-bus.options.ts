import type { MessagingLogger } from '../bus/messaging-logger';
import type { InboxStore } from '../inbox/inbox-store';
import type { BackoffPolicy } from '../processing/backoff-policy';

/** kafkajs-style retry of one client operation (connect, send, fetch, commit). */
export interface KafkaRetryOptions {
  /** Retries after the first try. */
  retries: number;
  /** First delay; each next one doubles (with jitter). */
  initialRetryTimeMs: number;
  /** Cap on one delay. */
  maxRetryTimeMs: number;
}

/** Consumer tuning shared by every subscription of a {@link KafkaMessageBus}. */
export interface KafkaConsumerOptions {
  /** Default 30 s. A member silent this long is removed from the group. */
  sessionTimeoutMs?: number;
  /** Default 3 s; must be well under the session timeout. */
  heartbeatIntervalMs?: number;
  /** Default 60 s. */
  rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for data (or for `minBytes` of it). Default 1 s: it also bounds how long `close()` waits for an idle fetch. */
  maxWaitTimeMs?: number;
  /**
   * Bytes a fetch waits for (up to `maxWaitTimeMs`) before it answers. Default 1: every record as
   * soon as it is there. More trades that much latency for larger batches — fewer transactions,
   * offset commits and flushes per record under a steady trickle.
   */
  minBytes?: number;
  /** Retries inside one consumer session before it crashes (and the supervisor restarts it). */
  retry?: Partial<KafkaRetryOptions>;
  /** Backoff between supervised restarts. Default 1 s doubling to 10 s. */
  restartBackoff?: Partial<BackoffPolicy>;
}

/** Options of {@link KafkaMessageBus}. */
export interface KafkaBusOptions<TClient> {
  /** Bootstrap servers, `host:port`. */
  brokers: string[];
  /** Names this service to the brokers (suffixed `-consumer`, `-producer`, `-admin`). */
  clientId: string;
  /** Where the inbox lives and what transaction handlers receive. */
  inbox: InboxStore<TClient>;
  logger?: MessagingLogger;
  /** kafkajs's own log lines at this level or above go to `logger`. Default `warn`. */
  clientLogLevel?: 'nothing' | 'error' | 'warn' | 'info';
  /**
   * Producer retries. The default (10 retries, 300 ms doubling to 5 s: about 35 s in all) rides
   * out a broker restart; past it `send` rejects with a {@link PublishError}.
   */
  producerRetry?: Partial<KafkaRetryOptions>;
  consumer?: KafkaConsumerOptions;
}

/** Default producer retries: about 35 s of trying before `send` fails. */
export const defaultProducerRetry: KafkaRetryOptions = { retries: 10, initialRetryTimeMs: 300, maxRetryTimeMs: 5_000 };
/** Default consumer-session retries: about 10 s before the session crashes and is restarted. */
export const defaultConsumerRetry: KafkaRetryOptions = { retries: 5, initialRetryTimeMs: 300, maxRetryTimeMs: 5_000 };

/** The kafkajs `retry` object for our retry options (always explicit: kafkajs changes its defaults under NODE_ENV=test). */
export function toKafkajsRetry(options: KafkaRetryOptions): { retries: number; initialRetryTime: number; maxRetryTime: number; multiplier: number; factor: number } {
  return { retries: options.retries, initialRetryTime: options.initialRetryTimeMs, maxRetryTime: options.maxRetryTimeMs, multiplier: 2, factor: 0.2 };
}
