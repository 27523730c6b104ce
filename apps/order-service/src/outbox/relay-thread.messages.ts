/** What the order-events relay thread needs to build its own connections (plain data: it crosses threads). */
export interface RelayThreadSettings {
  databaseUrl: string;
  schema: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  logLevel: string;
}

/** Main thread → relay thread. */
export type ToRelayThread = { kind: 'wake' } | { kind: 'stop' };

/** Relay thread → main thread. */
export type FromRelayThread = { kind: 'leading' } | { kind: 'failed'; error: string };
