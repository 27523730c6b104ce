/** One promotion of a placed order to redeem (mark used) at the promotion service. */
export interface PromotionRedemption {
  orderId: string;
  promotionId: string;
  kind: string;
  discountAmount: number;
}

/**
 * The promotion service's redemption API: `POST /redemptions` with an idempotency key (order +
 * promotion), so a redelivered event redeems nothing twice there either. Resolves with the
 * service's redemption reference; rejects on a timeout or any non-2xx answer.
 */
export class PromotionClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async redeem(redemption: PromotionRedemption): Promise<string> {
    const response = await fetch(new URL('redemptions', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${redemption.orderId}:${redemption.promotionId}` },
      body: JSON.stringify(redemption),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`promotion service answered ${response.status}: ${text.slice(0, 200)}`);
    const reference = (JSON.parse(text) as { redemptionRef?: unknown }).redemptionRef;
    if (typeof reference !== 'string' || reference === '') throw new Error('promotion service answered without a redemptionRef');
    return reference;
  }
}
