import type { MessageProducer } from '@oms/messaging';
import type { Endpoints } from '../services/service-part';
import { mapConcurrently } from '../summary/http-json';
import { bankFeedMessages, bankStatementLines, type SettledTrade } from './bank-feed';
import { sendForgedWechatpayNotification, type ForgerKnowledge } from './forged-notification';
import { plantedCount, type ScenarioPlan } from './scenario-plan';
import { SimulatorsClient } from './simulators.client';
import { waitUntilOrdersLeave } from './order-progress';
import { waitUntilQuiet } from './quiescence';

/** Progress of one step: `done` of `total`. */
export interface StepProgress {
  step: string;
  done: number;
  total: number;
}

/** What the driver did not do, and what went wrong on the way. */
export interface ScenarioOutcome {
  /** Steps not played because the service they need is not available. */
  skipped: Array<{ step: string; needs: string }>;
  /** Answers the scenario did not expect (a webhook refused, a payment never acknowledged…). */
  problems: string[];
}

/** Everything the driver needs: where the services are, which exist, what a forger would know. */
export interface DriverSetup {
  endpoints: Endpoints;
  available: ReadonlySet<string>;
  forger: Omit<ForgerKnowledge, 'gatewayUrl'>;
  onProgress: (progress: StepProgress) => void;
  /** Longest wait for the services to finish the work (default 120 s). */
  settleTimeoutMs?: number;
  /** Where the simulated bank feed publishes statement lines (the bus or the broker). */
  bankFeed?: MessageProducer;
  /** The next morning's 09:00 work of the running services (the reconciliation report). */
  endOfDay?: (businessDate: string) => Promise<void>;
  /** The carrier pushes an undocumented status code (in-process carrier simulators only). */
  pushUndocumentedStatus?: (trackingNumber: string) => Promise<void>;
}

/** Order states of work still under way before a plan is issued. */
const BEFORE_PLAN = new Set(['paid', 'inventory_reserved', 'ready_to_dispatch']);
/** Order states of a parcel on its way. */
const ON_THE_WAY = new Set(['dispatch_planned', 'partially_shipped', 'shipped', 'in_delivery']);
/** Every parcel is delivered within seconds once the carriers have pushed; an order still on its way after this stays so (the summary shows it). */
const DELIVERY_WAIT_MS = 20_000;

/** A first track this long after the waybill is "manual audit" on the credibility scale (> 120 s). */
const LATE_FIRST_TRACK_MS = 200_000;

const CONCURRENCY = 8;
const notifyPath = { WECHAT_PAY: 'wechatpay', ALIPAY: 'alipay' } as const;

/**
 * Plays the promotion day against running services, over real HTTP only, through the
 * simulators: channels post their signed orders, buyers pay, the provider redelivers, a forger
 * tries its luck; steps whose service is not available are skipped and listed, never imitated.
 * Returns once the services have gone quiet (their own counters stopped moving).
 */
export async function playScenario(plan: ScenarioPlan, setup: DriverSetup): Promise<ScenarioOutcome> {
  const { endpoints, available, onProgress } = setup;
  const gatewayUrl = endpoints['channel-gateway'] as string;
  const simulators = new SimulatorsClient(endpoints['simulators'] as string);
  const outcome: ScenarioOutcome = { skipped: [], problems: [] };
  const step = async <T>(name: string, items: readonly T[], work: (item: T) => Promise<void>) => {
    let done = 0;
    onProgress({ step: name, done, total: items.length });
    await mapConcurrently(items, CONCURRENCY, async (item) => {
      try {
        await work(item);
      } catch (error) {
        outcome.problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      onProgress({ step: name, done: ++done, total: items.length });
    });
  };

  await step('channel orders', plan.orders, async ({ channel, order }) => {
    const status = await simulators.sendOrder(channel, gatewayUrl, order);
    if (status !== 202) outcome.problems.push(`channel order ${order.channelOrderId} (${channel}) answered ${status}`);
  });
  const paid = plan.orders.filter((planned) => planned.payment);
  await step('payments', paid, async ({ order, payment }) => {
    if (!payment || !order.outTradeNo) return;
    await simulators.pay(payment.provider, order.outTradeNo, payment.amount, `${gatewayUrl}/payments/${notifyPath[payment.provider]}/notify`);
  });
  await step('notifications acknowledged', paid, async ({ order, payment }) => {
    if (!payment || !order.outTradeNo) return;
    const outTradeNo = order.outTradeNo;
    await waitUntil(`the notification of ${outTradeNo} acknowledged`, 60_000, async () => (await simulators.deliveries(payment.provider, outTradeNo)).some((delivery) => delivery.acknowledged));
  });
  await step('duplicate deliveries', paid.filter((planned) => (planned.payment?.redeliveries ?? 0) > 0), async ({ order, payment }) => {
    if (!payment || !order.outTradeNo) return;
    const answers = await simulators.redeliver(payment.provider, order.outTradeNo, payment.redeliveries);
    if (answers.some((answer) => !answer.acknowledged)) outcome.problems.push(`a redelivery of ${order.outTradeNo} was not acknowledged`);
  });
  await step('forged notifications', plan.forgedNotifications, async (forged) => {
    const status = await sendForgedWechatpayNotification({ ...setup.forger, gatewayUrl }, forged.outTradeNo, forged.amount);
    if (status !== 401) outcome.problems.push(`the forged notification for ${forged.outTradeNo} answered ${status}, not 401`);
  });

  const settleTimeoutMs = setup.settleTimeoutMs ?? 120_000;
  if (available.has('fulfillment-service') && endpoints['logistics-simulators']) {
    const orderService = endpoints['order-service'] as string;
    onProgress({ step: 'reservations and dispatch plans', done: 0, total: 1 });
    // A ready order waits out the dispatch decision window (related orders) before it is planned;
    // then its waybills are requested.
    const unplanned = await waitUntilOrdersLeave(orderService, paid, BEFORE_PLAN, settleTimeoutMs);
    await waitUntilQuiet(endpoints, settleTimeoutMs);
    onProgress({ step: 'reservations and dispatch plans', done: 1, total: 1 });
    if (unplanned.length > 0) outcome.problems.push(`orders not planned within ${settleTimeoutMs} ms: ${unplanned.join(', ')}`);
    await playCarriers(plan, endpoints['logistics-simulators'], setup, step, outcome);
    onProgress({ step: 'parcels delivered', done: 0, total: 1 });
    await waitUntilOrdersLeave(orderService, paid, ON_THE_WAY, DELIVERY_WAIT_MS);
    onProgress({ step: 'parcels delivered', done: 1, total: 1 });
  } else {
    for (const name of ['stock-out after payment', 'dispatch plans and sandbox validation', 'carrier tracks (late, unknown status)']) outcome.skipped.push({ step: name, needs: 'fulfillment-service' });
  }

  if (available.has('reconciliation-service') && setup.bankFeed) {
    // Refunds (the stock-out) settle too: the statement is read once the services are quiet.
    await waitUntilQuiet(endpoints, settleTimeoutMs);
    const trades = new Map<string, SettledTrade>();
    await step('bank statement (settled trades)', paid, async ({ order, payment }) => {
      if (!payment || !order.outTradeNo) return;
      const trade = await simulators.trade(payment.provider, order.outTradeNo);
      if (trade.paidAtMs !== null) trades.set(order.outTradeNo, { ...trade, provider: payment.provider, outTradeNo: order.outTradeNo, paidAtMs: trade.paidAtMs });
    });
    const lines = bankStatementLines(plan, trades, Date.now());
    await step('bank statement lines with planted gaps', [lines], async (all) => setup.bankFeed?.send(bankFeedMessages(all)));
  } else {
    outcome.skipped.push({ step: 'bank statements with planted gaps', needs: 'reconciliation-service' });
  }

  onProgress({ step: 'settling', done: 0, total: 1 });
  await waitUntilQuiet(endpoints, settleTimeoutMs);
  onProgress({ step: 'settling', done: 1, total: 1 });
  if (available.has('reconciliation-service') && setup.endOfDay) {
    await step('09:00 report for the day', [plan.businessDate], async (businessDate) => setup.endOfDay?.(businessDate));
    await waitUntilQuiet(endpoints, settleTimeoutMs);
  } else {
    outcome.skipped.push({ step: '09:00 report for the day', needs: 'reconciliation-service' });
  }
  return outcome;
}

type Step = <T>(name: string, items: readonly T[], work: (item: T) => Promise<void>) => Promise<void>;

/**
 * The carriers move every parcel to delivery; the first waybill (by tracking number) gets its
 * first track late, and the second one also an undocumented status code after delivery.
 */
async function playCarriers(plan: ScenarioPlan, logisticsUrl: string, setup: DriverSetup, step: Step, outcome: ScenarioOutcome): Promise<void> {
  const waybills = (await (await fetch(`${logisticsUrl}/simulator/carriers/waybills`)).json()) as Array<{ trackingNumber: string }>;
  const ordered = waybills.map((waybill) => waybill.trackingNumber).sort();
  const late = plantedCount(plan, 'late-track') > 0 ? ordered[0] : undefined;
  const unknown = plantedCount(plan, 'unknown-carrier-status') > 0 ? ordered[1] : undefined;
  await step('carrier tracks to delivery', ordered, async (trackingNumber) => {
    const options = trackingNumber === late ? { firstTrackAfterMs: LATE_FIRST_TRACK_MS } : {};
    const response = await fetch(`${logisticsUrl}/simulator/carriers/waybills/${encodeURIComponent(trackingNumber)}/lifecycle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
    await response.text();
    if (!response.ok) outcome.problems.push(`the carrier lifecycle of ${trackingNumber} answered ${response.status}`);
  });
  if (unknown && setup.pushUndocumentedStatus) await step('an undocumented carrier status', [unknown], (trackingNumber) => setup.pushUndocumentedStatus?.(trackingNumber) ?? Promise.resolve());
  else if (unknown) outcome.skipped.push({ step: 'an undocumented carrier status', needs: 'carrier simulators in this process' });
}

/** Polls `check` until it holds, or fails naming `what`. */
export async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
