import type { Address, DecodedRecord } from '@oms/contracts';
import type { PlanningOrder } from '@oms/dispatch-domain';

/**
 * What the dispatch flow needs of a ready order, read from its stream: the planning input of the
 * split decision (lines, customer, placed and paid times, address, phone, invoice title) and what
 * WMS/TMS need on the instruction (the full address and the consignee).
 */
export interface ReadyOrderFacts {
  planning: PlanningOrder;
  recipientName: string;
  shippingAddress: Address;
  /** When the order became ready_to_dispatch, epoch ms. */
  readyAt: number;
  /** The latest instant the decision may wait to (the `OrderReadyToDispatch` deadline). */
  decisionDeadline: number;
}

interface Folded {
  orderId?: string;
  customerId?: string;
  placedAt?: number;
  paidAt?: number;
  recipientName?: string;
  recipientPhone?: string;
  address?: Address;
  invoiceTitle: string | null;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
  readyAt?: number;
  decisionDeadline?: number;
}

/**
 * The facts of an order whose stream (decoded records, stream order) reached ready_to_dispatch,
 * or `null` when it has not. The placed time is the channel's creation time (the 1-hour related
 * orders window is about when the buyer ordered); an address change and a lines change replace
 * what `OrderPlaced` said; no fapiao requested = no invoice title.
 */
export function readyOrderFacts(records: readonly DecodedRecord[]): ReadyOrderFacts | null {
  const folded = records.reduce<Folded>((facts, record) => FOLDS[record.recordName]?.(facts, record) ?? facts, { invoiceTitle: null, lines: [] });
  const { orderId, customerId, placedAt, paidAt, recipientName, recipientPhone, address, readyAt, decisionDeadline } = folded;
  if (orderId === undefined || customerId === undefined || placedAt === undefined || paidAt === undefined || address === undefined) return null;
  if (recipientName === undefined || recipientPhone === undefined || readyAt === undefined || decisionDeadline === undefined) return null;
  const { province, city, district, street, detail } = address;
  return {
    planning: {
      orderId, customerId, placedAt, paidAt, recipientPhone, invoiceTitle: folded.invoiceTitle,
      shippingAddress: { province, city, district, street, detail },
      lines: folded.lines,
    },
    recipientName,
    shippingAddress: address,
    readyAt,
    decisionDeadline,
  };
}

type Fold = (folded: Folded, record: DecodedRecord) => Folded;

/** How each record {@link readyOrderFacts} reads changes the facts; every other record leaves them as they are. */
const FOLDS: Partial<Record<string, Fold>> = {
  OrderPlaced: (folded, record) => {
    const placed = (record as DecodedRecord<'OrderPlaced'>).value;
    return {
      ...folded, orderId: placed.orderId, customerId: placed.customerId, placedAt: placed.channelCreatedAt,
      recipientName: placed.recipientName, recipientPhone: placed.recipientPhone, address: placed.shippingAddress,
      invoiceTitle: placed.invoice?.title ?? null, lines: linesOf(placed.lines),
    };
  },
  OrderAddressChanged: (folded, record) => {
    const changed = (record as DecodedRecord<'OrderAddressChanged'>).value;
    return { ...folded, address: changed.address, recipientName: changed.recipientName, recipientPhone: changed.recipientPhone };
  },
  OrderLinesChanged: (folded, record) => ({ ...folded, lines: linesOf((record as DecodedRecord<'OrderLinesChanged'>).value.lines) }),
  OrderPaid: (folded, record) => ({ ...folded, paidAt: (record as DecodedRecord<'OrderPaid'>).value.paidAt }),
  OrderReadyToDispatch: (folded, record) => {
    const ready = (record as DecodedRecord<'OrderReadyToDispatch'>).value;
    return { ...folded, readyAt: ready.occurredAt, decisionDeadline: ready.decisionDeadline };
  },
};

/** The records {@link readyOrderFacts} reads. Event type = record name in the store. */
export const READY_FACT_RECORDS: ReadonlySet<string> = new Set(Object.keys(FOLDS));

function linesOf(lines: ReadonlyArray<{ lineId: string; sku: string; quantity: number }>) {
  return lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
}
