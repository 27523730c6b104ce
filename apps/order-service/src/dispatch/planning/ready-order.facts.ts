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
 * The records {@link readyOrderFacts} reads (`foldRecord`'s cases); every other record of the
 * stream leaves the facts as they are. Event type = record name in the store.
 */
export const READY_FACT_RECORDS: ReadonlySet<string> = new Set(['OrderPlaced', 'OrderAddressChanged', 'OrderLinesChanged', 'OrderPaid', 'OrderReadyToDispatch']);

/**
 * The facts of an order whose stream (decoded records, stream order) reached ready_to_dispatch,
 * or `null` when it has not. The placed time is the channel's creation time (the 1-hour related
 * orders window is about when the buyer ordered); an address change and a lines change replace
 * what `OrderPlaced` said; no fapiao requested = no invoice title.
 */
export function readyOrderFacts(records: readonly DecodedRecord[]): ReadyOrderFacts | null {
  const folded = records.reduce<Folded>(foldRecord, { invoiceTitle: null, lines: [] });
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

// Keep its cases and READY_FACT_RECORDS the same.
function foldRecord(folded: Folded, record: DecodedRecord): Folded {
  switch (record.recordName) {
    case 'OrderPlaced': {
      const placed = (record as DecodedRecord<'OrderPlaced'>).value;
      return {
        ...folded, orderId: placed.orderId, customerId: placed.customerId, placedAt: placed.channelCreatedAt,
        recipientName: placed.recipientName, recipientPhone: placed.recipientPhone, address: placed.shippingAddress,
        invoiceTitle: placed.invoice?.title ?? null, lines: linesOf(placed.lines),
      };
    }
    case 'OrderAddressChanged': {
      const changed = (record as DecodedRecord<'OrderAddressChanged'>).value;
      return { ...folded, address: changed.address, recipientName: changed.recipientName, recipientPhone: changed.recipientPhone };
    }
    case 'OrderLinesChanged':
      return { ...folded, lines: linesOf((record as DecodedRecord<'OrderLinesChanged'>).value.lines) };
    case 'OrderPaid':
      return { ...folded, paidAt: (record as DecodedRecord<'OrderPaid'>).value.paidAt };
    case 'OrderReadyToDispatch': {
      const ready = (record as DecodedRecord<'OrderReadyToDispatch'>).value;
      return { ...folded, readyAt: ready.occurredAt, decisionDeadline: ready.decisionDeadline };
    }
    default:
      return folded;
  }
}

function linesOf(lines: ReadonlyArray<{ lineId: string; sku: string; quantity: number }>) {
  return lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
}
