import type { ChannelOrder } from '@oms/contracts';
import { beijingIsoText } from '../../common/beijing-time';
import type { ChannelInstant } from './iso-instant';
import type { OrderTotals } from './order-totals';

/** Fields most channels leave empty (or, for currency, CNY): given only by those that have them. */
type Optional = 'channelOrderName' | 'outTradeNo' | 'customerNickname' | 'invoice' | 'currency';
/** Fields the envelope derives: the buyer as creator, times as epoch ms + text, the totals, what was received. */
type Derived = 'createdBy' | 'createdAt' | 'createdAtText' | 'channelPaidAt' | 'channelPaidAtText' | 'receivedAt' | 'receivedAtText' | 'rawPayload' | keyof OrderTotals;

/** What a channel mapper reads from its payload; {@link channelOrderEnvelope} completes the record. */
export type ChannelOrderFacts = Omit<ChannelOrder, Optional | Derived> &
  Partial<Pick<ChannelOrder, Optional>> & {
    totals: OrderTotals;
    /** When the buyer placed the order; null only when unreadable (the reader has named the field). */
    createdAt: ChannelInstant | null;
    /** When the channel says the buyer paid, if it says. */
    paidAt: ChannelInstant | null;
  };

/** The webhook as received: the exact payload and its arrival time. */
export interface ReceivedPayload {
  rawPayload: string;
  receivedAtMs: number;
}

/**
 * The canonical ChannelOrder around a channel's facts — the part every channel mapper used to
 * repeat: the buyer is the order's creator (role CUSTOMER), the channel's instants become epoch
 * ms plus their text, the received time is written in Beijing time, the raw payload is kept.
 */
export function channelOrderEnvelope(facts: ChannelOrderFacts, received: ReceivedPayload): ChannelOrder {
  const { totals, createdAt, paidAt, ...order } = facts;
  return {
    ...order,
    channelOrderName: facts.channelOrderName ?? null,
    outTradeNo: facts.outTradeNo ?? null,
    customerNickname: facts.customerNickname ?? null,
    invoice: facts.invoice ?? null,
    currency: facts.currency ?? 'CNY',
    ...totals,
    createdBy: { actorId: facts.customerId, role: 'CUSTOMER', displayName: facts.customerNickname ?? null },
    createdAt: createdAt?.epochMs ?? 0,
    createdAtText: createdAt?.text ?? '',
    channelPaidAt: paidAt?.epochMs ?? null,
    channelPaidAtText: paidAt?.text ?? null,
    receivedAt: received.receivedAtMs,
    receivedAtText: beijingIsoText(received.receivedAtMs),
    rawPayload: received.rawPayload,
  };
}
