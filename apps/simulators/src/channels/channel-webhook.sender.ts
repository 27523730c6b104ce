import type { SignedWebhook } from './simulated-order';

/** The gateway's answer to a webhook. */
export interface WebhookAnswer {
  status: number;
  body: unknown;
}

/** POSTs a signed webhook to `POST {gatewayUrl}/channels/{channel}/orders`, as the channel would. */
export async function sendChannelWebhook(gatewayUrl: string, webhook: SignedWebhook): Promise<WebhookAnswer> {
  const response = await fetch(`${gatewayUrl}/channels/${webhook.channel}/orders`, { method: 'POST', headers: webhook.headers, body: webhook.body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Keep the text as is.
  }
  return { status: response.status, body };
}
