import type { ChannelOrder, SalesChannel } from '@oms/contracts';
import type { IncomingHttpHeaders } from 'node:http';

/** An order webhook as received on `POST /channels/{channel}/orders`. */
export interface ChannelWebhook {
  headers: IncomingHttpHeaders;
  /** The body exactly as received: signatures cover these bytes. */
  rawBody: Buffer;
  receivedAtMs: number;
}

/**
 * What an adapter made of a webhook: the canonical order, a list of offending fields (400), or
 * an authentication failure (401). Refused webhooks never reach the topic.
 */
export type ChannelAdaptation =
  | { kind: 'order'; order: ChannelOrder }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'unauthorized'; detail: string };

/** One sales channel's protocol: its signature, its payload, its mapping to ChannelOrder. */
export interface ChannelAdapter {
  /** The `{channel}` path segment, e.g. `shopify`. */
  readonly pathSegment: string;
  readonly channel: SalesChannel;
  adapt(webhook: ChannelWebhook): ChannelAdaptation;
}

/** Nest token of the `ChannelAdapter[]`. */
export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');
