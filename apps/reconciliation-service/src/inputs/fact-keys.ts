/** The columns a fact is found by: its order, its payment, and when it happened. */
export interface FactKeys {
  orderId: string | null;
  outTradeNo: string | null;
  occurredAt: number;
}

/** Order id, out_trade_no and time of a record, from whichever fields it has. */
export function factKeysOf(value: object, fallbackTime: number): FactKeys {
  const fields = value as Record<string, unknown>;
  const text = (name: string): string | null => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
  const time = ['occurredAt', 'receivedAt', 'queriedAt', 'decidedAt', 'raisedAt'].map((name) => fields[name]).find((candidate) => typeof candidate === 'number');
  return { orderId: text('orderId'), outTradeNo: text('outTradeNo'), occurredAt: (time as number | undefined) ?? fallbackTime };
}
