import { compareNormalisedAddresses, type AddressComparison } from './address-comparison';
import { normaliseAddress, type NormalisedAddress } from './address-normaliser';
import { compareNormalisedTitles, titleOrEmpty, type InvoiceTitleComparison } from './invoice-title-comparison';
import { compareParsedPhones, type PhoneComparison } from './phone-match';
import { parsePhone, type ParsedPhone } from './phone-number.parser';
import type { RelatableOrder } from './relatable-order';
import type { RelatedOrdersPolicy } from './related-orders-policy';

/**
 * Every signal of one pair of orders, as the plan shows it ("why were these planned together?").
 * Signals are `null` when the orders belong to different customers: another customer's address
 * and phone are not compared, let alone recorded.
 */
export interface OrderPairScore {
  /** The two orders as compared; grouping passes them in canonical order (earlier placed first, ties by id). */
  readonly orderIds: readonly [string, string];
  readonly sameCustomer: boolean;
  readonly millisecondsApart: number;
  readonly withinWindow: boolean;
  readonly address: AddressComparison | null;
  readonly phone: PhoneComparison | null;
  readonly invoiceTitle: InvoiceTitleComparison | null;
  /** All conditions hold. */
  readonly related: boolean;
  /** Each condition that failed, for the reviewer; empty when related. */
  readonly reasons: readonly string[];
}

/**
 * Scores a pair of orders under the related-orders rule. Combination (documented in
 * docs/dispatch-engine.md): related ⇔ same customer ∧ at most `windowMinutes` apart ∧ address
 * more than `similarityThresholdPercent` % similar with equal regions ∧ phones match (exactly, or
 * on visible digits) ∧ invoice title more than the threshold similar — each signal must clear
 * the bar on its own, so a perfect phone cannot buy back a different address.
 */
export function scoreOrderPair(a: RelatableOrder, b: RelatableOrder, policy: RelatedOrdersPolicy): OrderPairScore {
  return scorePreparedPair(prepareForComparison(a), prepareForComparison(b), policy);
}

/** An order with its address normalised, phone parsed and title normalised — once, however many pairs it is in. */
export interface PreparedOrder {
  readonly order: RelatableOrder;
  readonly address: NormalisedAddress;
  readonly phone: ParsedPhone;
  readonly invoiceTitle: string;
}

/** Normalises what the related-orders rule compares of `order`. */
export function prepareForComparison(order: RelatableOrder): PreparedOrder {
  return { order, address: normaliseAddress(order.shippingAddress), phone: parsePhone(order.recipientPhone), invoiceTitle: titleOrEmpty(order.invoiceTitle) };
}

/** `scoreOrderPair` over prepared orders. */
export function scorePreparedPair(left: PreparedOrder, right: PreparedOrder, policy: RelatedOrdersPolicy): OrderPairScore {
  const [a, b] = [left.order, right.order];
  const millisecondsApart = Math.abs(b.placedAt - a.placedAt);
  const withinWindow = millisecondsApart <= policy.windowMinutes * 60_000;
  const base = { orderIds: [a.orderId, b.orderId] as const, sameCustomer: a.customerId === b.customerId, millisecondsApart, withinWindow };
  if (!base.sameCustomer) {
    return { ...base, address: null, phone: null, invoiceTitle: null, related: false, reasons: ['different customers'] };
  }
  const percent = policy.similarityThresholdPercent;
  const address = compareNormalisedAddresses(left.address, right.address, percent);
  const phone = compareParsedPhones(left.phone, right.phone);
  const invoiceTitle = compareNormalisedTitles(left.invoiceTitle, right.invoiceTitle, percent, policy.invoiceTitleWhenBothAbsent);
  const reasons = [
    ...(withinWindow ? [] : [`placed ${millisecondsApart} ms apart, more than ${policy.windowMinutes} min`]),
    ...(address.passes ? [] : [addressReason(address, percent)]),
    ...(phone.score === 1 ? [] : [`phones ${phone.outcome}: ${phone.reason}`]),
    ...(invoiceTitle.passes ? [] : [titleReason(invoiceTitle, percent)]),
  ];
  return { ...base, address, phone, invoiceTitle, related: reasons.length === 0, reasons };
}

function addressReason(address: AddressComparison, percent: number): string {
  if (address.differingLevel !== null) return `addresses are in different ${address.differingLevel} areas`;
  return `address similarity ${address.maxLength - address.distance}/${address.maxLength} is not more than ${percent}%`;
}

function titleReason(title: InvoiceTitleComparison, percent: number): string {
  if (!title.compared) return title.absent === 'ONE' ? 'only one order has an invoice title' : 'neither order has an invoice title';
  return `invoice title similarity ${title.maxLength - title.distance}/${title.maxLength} is not more than ${percent}%`;
}
