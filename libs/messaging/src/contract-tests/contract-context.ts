import { randomUUID } from 'node:crypto';
import { Headers, type OutgoingMessage } from '@oms/contracts';
import type { ConsumedMessage } from '../bus/consumed-message';
import type { Subscription } from '../bus/message-bus';
import type { SubscribeOptions } from '../bus/subscribe-options';
import type { BusFixture } from './bus-fixture';

/** The body of contract-test messages. */
export interface TestBody {
  label: string;
  kind?: 'good' | 'invalid' | 'flaky';
}

/**
 * The test utilities the suite needs. Spec files pass `@oms/testing` itself
 * (`import * as testing from '@oms/testing'`): library code, even test support, may not
 * depend on the testing library, spec files may.
 */
export interface ContractTools {
  waitFor<T>(description: string, check: () => Promise<T | undefined | false> | T | undefined | false, options?: { timeoutMs?: number; intervalMs?: number }): Promise<T>;
  uniqueName(prefix: string): string;
}

/** What each part of the contract suite gets from the suite. */
export interface ContractContext<TClient> {
  tools: ContractTools;
  fixture(): BusFixture<TClient>;
  /** Subscribes; the suite closes the subscription after the test. */
  subscribe<TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription>;
}

/** Fast backoff so retries do not dominate the test run. */
export const fastBackoff = { initialDelayMs: 20, maxDelayMs: 100 };

/** A JSON message with a fresh `message-id` unless one is given. */
export function jsonMessage(topic: string, key: string, body: TestBody, headers: Record<string, string> = {}): OutgoingMessage {
  return { topic, key, value: Buffer.from(JSON.stringify(body)), headers: { [Headers.messageId]: randomUUID(), ...headers } };
}

/** Decoder of {@link TestBody}; throws on anything that is not JSON. */
export function decodeBody(bytes: Buffer): TestBody {
  return JSON.parse(bytes.toString('utf8')) as TestBody;
}

/** The effect a contract handler writes for a message. */
export function effectOf(message: ConsumedMessage<TestBody>): {
  groupId: string;
  messageId: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
} {
  const { groupId, messageId, topic, partition, offset, key } = message;
  return { groupId, messageId, topic, partition, offset, key, value: message.value.label };
}
