/** A channel-neutral description of an order a simulated channel turns into its own webhook. */
export interface SimulatedOrder {
  channelOrderId: string;
  /** The merchant trade number the buyer pays under (own channels only). */
  outTradeNo?: string;
  lines: Array<{ sku: string; title: string; quantity: number; unitPrice: number; discount: number }>;
  shippingFee: number;
  buyer: { id: string; nickname: string; name: string; phone: string };
  address: { province: string; city: string; district: string; detail: string };
  createdAtMs: number;
}

/** The payable total of a simulated order, in fen. */
export function payableOf(order: SimulatedOrder): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice - line.discount, 0) + order.shippingFee;
}

/** A signed webhook ready to POST. */
export interface SignedWebhook {
  /** The `{channel}` segment of `/channels/{channel}/orders`. */
  channel: 'shopify' | 'douyin' | 'pinduoduo' | 'miniprogram';
  headers: Record<string, string>;
  body: string;
}

/** Beijing-time ISO-8601 with offset. */
export function beijingIso(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
