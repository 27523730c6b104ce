import { httpExchange } from '@oms/http-client';
import type { SignedWebhook } from './simulated-order';

/** The gateway's answer to a webhook. */
export interface WebhookAnswer {
  status: number;
  body: unknown;
}

/** POSTs a signed webhook to `POST {gatewayUrl}/channels/{channel}/orders`, as the channel would. */
export async function sendChannelWebhook(gatewayUrl: string, webhook: SignedWebhook): Promise<WebhookAnswer> {
  // Not `fetch`: one webhook per order is on the pipeline's hot path, and fetch costs several times the CPU.
  const response = await httpExchange({ method: 'POST', url: `${gatewayUrl}/channels/${webhook.channel}/orders`, headers: webhook.headers, body: webhook.body, timeoutMs: 10_000 });
  const text = response.body;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Keep the text as is.
  }
  return { status: response.status, body };
}
