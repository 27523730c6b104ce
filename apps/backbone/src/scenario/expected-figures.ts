import { count, type Tally } from '../summary/summary-section';
import { skuOf } from './scenario-catalog';
import { plantedCount, type PlannedOrder, type ScenarioPlan } from './scenario-plan';

/** What happened besides the plan, as the driver and the simulators recorded it. */
export interface PlayedFacts {
  /** The carrier pushed the undocumented status (carrier simulators in the driver's process). */
  undocumentedCarrierStatus: boolean;
  /** Notification deliveries the provider repeated on its own (not acknowledged in time). */
  providerRetries: number;
}

/** What the summary must show for a plan, given which services ran. */
export interface ExpectedFigures {
  'orders placed': number;
  /** The ERP simulator invoices every placed order. */
  'orders invoiced': number;
  'channel orders accepted by channel': Tally;
  'payment notifications by outcome': Tally;
  'orders by state'?: Tally;
  'review items by cause (order-service)'?: Tally;
  'review items by cause (reconciliation)'?: Tally;
  'dispatch plans by outcome'?: Tally;
  'parcels by status'?: Tally;
  'review items by cause (fulfillment-service)'?: Tally;
  /** Entries (payment flows and bank lines) in the day's report, and those under review. */
  'reconciliation entries'?: number;
  'entries under review'?: number;
}

/**
 * Derives the figures the services must report from the plan alone: each channel order accepted
 * once; one accepted notification per paid order, one `duplicate` per redelivery, every forged
 * one refused for its signature; without fulfillment-service a paid order stays `paid` (nobody
 * answers its reservation request), an unpaid one — and the forged one's target — `pending_payment`,
 * as does every marketplace order (the marketplace collects the money; no provider notification
 * reaches us). With fulfillment-service running, see {@link fulfilmentExpectations}.
 */
export function expectedFigures(plan: ScenarioPlan, available: ReadonlySet<string>, played: PlayedFacts = { undocumentedCarrierStatus: true, providerRetries: 0 }): ExpectedFigures {
  const byChannel: Tally = {};
  const byState: Tally = {};
  let paid = 0;
  for (const planned of plan.orders) {
    count(byChannel, planned.channel);
    count(byState, planned.payment ? 'paid' : 'pending_payment');
    if (planned.payment) paid++;
  }
  // The provider's own retries of a delivery not acknowledged in time are answered `duplicate` too.
  const duplicates = plan.orders.reduce((sum, planned) => sum + (planned.payment?.redeliveries ?? 0), 0) + played.providerRetries;
  const notifications: Tally = { accepted: paid };
  if (duplicates > 0) notifications['duplicate'] = duplicates;
  if (plan.forgedNotifications.length > 0) notifications['refused:BAD_SIGNATURE'] = plan.forgedNotifications.length;
  const expected: ExpectedFigures = { 'orders placed': plan.orders.length, 'orders invoiced': plan.orders.length, 'channel orders accepted by channel': byChannel, 'payment notifications by outcome': notifications };
  // Payment confirmation waits far less than PAYMENT_CONFIRMATION_TIMEOUT: no review item is due.
  expected['review items by cause (order-service)'] = {};
  expected['orders by state'] = byState;
  if (available.has('fulfillment-service')) Object.assign(expected, fulfilmentExpectations(plan, played.undocumentedCarrierStatus));
  if (available.has('reconciliation-service')) Object.assign(expected, reconciliationExpectations(plan, paid, available.has('fulfillment-service')));
  return expected;
}

/**
 * With fulfillment-service: every paid order is reserved, planned and delivered — one plan per
 * customer's related orders, one parcel per warehouse of a plan (the catalog gives each warehouse
 * one SLA) — except the stock-out, refunded and closed; the late first track and the undocumented
 * carrier status are one review item each. No sandbox rejection is planted.
 */
function fulfilmentExpectations(plan: ScenarioPlan, undocumentedStatusPlayed: boolean): Partial<ExpectedFigures> {
  const byState: Tally = {};
  const plans = new Map<string, PlannedOrder[]>();
  for (const planned of plan.orders) {
    const stockOut = planned.tags.includes('stock-out');
    count(byState, !planned.payment ? 'pending_payment' : stockOut ? 'closed' : 'delivered');
    if (!planned.payment || stockOut) continue;
    const key = planned.relatedGroup ?? planned.order.channelOrderId;
    plans.set(key, [...(plans.get(key) ?? []), planned]);
  }
  const parcels = [...plans.values()].reduce((sum, orders) => sum + new Set(orders.flatMap((planned) => planned.order.lines.map((line) => skuOf(line.sku).warehouseId))).size, 0);
  const reviews: Tally = {};
  if (plantedCount(plan, 'late-track') > 0) reviews['TRACK_CREDIBILITY_AUDIT'] = 1;
  if (plantedCount(plan, 'unknown-carrier-status') > 0 && undocumentedStatusPlayed) reviews['UNKNOWN_CARRIER_STATUS'] = 1;
  return { 'orders by state': byState, 'dispatch plans by outcome': { issued: plans.size, 'rejected in sandbox': 0 }, 'parcels by status': { DELIVERED: parcels }, 'review items by cause (fulfillment-service)': reviews };
}

/**
 * One flow per paid order; one bank line per flow but the missing one. Review: the missing line
 * (its flow under review), the short amount and the late credit (flow and line under review each).
 */
function reconciliationExpectations(plan: ScenarioPlan, paid: number, refunds: boolean): Partial<ExpectedFigures> {
  const missing = plantedCount(plan, 'bank-line-missing');
  const amount = plantedCount(plan, 'bank-amount-differs');
  const late = plantedCount(plan, 'bank-time-gap');
  const causes: Tally = {};
  if (missing > 0) causes['MISSING_BANK_LINE'] = missing;
  if (amount > 0) causes['AMOUNT_MISMATCH'] = amount;
  if (late > 0) causes['TIME_GAP'] = late;
  // The stock-out's refund (fulfillment-service running) is a −amount flow and a debit line, matched.
  const refunded = refunds ? plantedCount(plan, 'stock-out') : 0;
  return { 'review items by cause (reconciliation)': causes, 'reconciliation entries': paid + paid - missing + 2 * refunded, 'entries under review': missing + 2 * amount + 2 * late };
}

/** The planted facts as a table for the summary ("planted → found"). */
export function plantedFacts(plan: ScenarioPlan): Record<string, number> {
  return {
    orders: plan.orders.length,
    'merged carts (several warehouses)': plantedCount(plan, 'merged-cart'),
    'related orders (same customer within 1 h)': plantedCount(plan, 'related'),
    'paid through a provider': plan.orders.filter((planned) => planned.payment).length,
    'unpaid own-channel orders': plantedCount(plan, 'unpaid') + plantedCount(plan, 'forged-notification'),
    'duplicate notification deliveries': plan.orders.reduce((sum, planned) => sum + (planned.payment?.redeliveries ?? 0), 0),
    'forged notifications': plan.forgedNotifications.length,
    'stock-outs after payment': plantedCount(plan, 'stock-out'),
    'late carrier tracks': plantedCount(plan, 'late-track'),
    'unknown carrier statuses': plantedCount(plan, 'unknown-carrier-status'),
    'bank lines missing': plantedCount(plan, 'bank-line-missing'),
    'bank amounts differing': plantedCount(plan, 'bank-amount-differs'),
    'bank time gaps > 500 ms': plantedCount(plan, 'bank-time-gap'),
  };
}
