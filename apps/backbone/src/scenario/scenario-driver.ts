import type { MessageProducer } from '@oms/messaging';
import type { Endpoints } from '../services/service-part';
import { mapConcurrently } from '../summary/http-json';
import { bankFeedMessages, bankStatementLines, type SettledTrade } from './bank-feed';
import { sendForgedWechatpayNotification, type ForgerKnowledge } from './forged-notification';
import { plantedCount, type PlannedOrder, type ScenarioPlan } from './scenario-plan';
import { SimulatorsClient } from './simulators.client';
import { CarrierPlayer } from './carrier-player';
import { countProviderRetries } from './provider-retries';
import { BEFORE_PLAN, ON_THE_WAY, waitUntilOrdersLeave } from './order-progress';
import { DEFAULT_PATIENCE, type Patience } from './patience';
import { activity, waitUntilQuiet } from './quiescence';

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
  /** Notification deliveries the provider repeated on its own (see {@link countProviderRetries}). */
  providerRetries: number;
}

/** Everything the driver needs: where the services are, which exist, what a forger would know. */
export interface DriverSetup {
  endpoints: Endpoints;
  available: ReadonlySet<string>;
  forger: Omit<ForgerKnowledge, 'gatewayUrl'>;
  onProgress: (progress: StepProgress) => void;
  /** How long to wait for the services to finish the work: as long as they make progress (default {@link DEFAULT_PATIENCE}). */
  patience?: Patience;
  /** Where the simulated bank feed publishes statement lines (the bus or the broker). */
  bankFeed?: MessageProducer;
  /**
   * The next morning's 09:00 work of the running services (the reconciliation report).
   * `flowsRecordedBy`: every payment and refund of the day was recorded by then (epoch ms).
   */
  endOfDay?: (businessDate: string, flowsRecordedBy: number) => Promise<void>;
  /** The carrier pushes an undocumented status code (in-process carrier simulators only). */
  pushUndocumentedStatus?: (trackingNumber: string) => Promise<void>;
}

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
  const patience = setup.patience ?? DEFAULT_PATIENCE;
  const gatewayUrl = endpoints['channel-gateway'] as string;
  const simulators = new SimulatorsClient(endpoints['simulators'] as string);
  const outcome: ScenarioOutcome = { skipped: [], problems: [], providerRetries: 0 };
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
    await waitUntil(`the notification of ${outTradeNo} acknowledged`, patience.stallMs, async () => (await simulators.deliveries(payment.provider, outTradeNo)).some((delivery) => delivery.acknowledged));
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

  if (available.has('fulfillment-service') && endpoints['logistics-simulators']) {
    await playFulfilment(plan, paid, setup, patience, step, outcome);
  } else {
    for (const name of ['stock-out after payment', 'dispatch plans and sandbox validation', 'carrier tracks (late, unknown status)']) outcome.skipped.push({ step: name, needs: 'fulfillment-service' });
  }

  // Refunds (the stock-out) settle too: the statement is read once the services are quiet, when
  // every payment and refund of the day has happened.
  await waitUntilQuiet(endpoints, patience.stallMs);
  const flowsRecordedBy = Date.now();
  if (available.has('reconciliation-service') && setup.bankFeed) {
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
  await waitUntilQuiet(endpoints, patience.stallMs);
  onProgress({ step: 'settling', done: 1, total: 1 });
  if (available.has('reconciliation-service') && setup.endOfDay) {
    await step('09:00 report for the day', [plan.businessDate], async (businessDate) => setup.endOfDay?.(businessDate, flowsRecordedBy));
    await waitUntilQuiet(endpoints, patience.stallMs);
  } else {
    outcome.skipped.push({ step: '09:00 report for the day', needs: 'reconciliation-service' });
  }
  outcome.providerRetries = await countProviderRetries(simulators, paid);
  return outcome;
}

type Step = <T>(name: string, items: readonly T[], work: (item: T) => Promise<void>) => Promise<void>;

/**
 * Reservations, plans and parcels: waits (as long as the services make progress) until every paid
 * order has its plan, then has the carriers take each waybill to delivery as it appears, until no
 * paid order is on its way any more.
 */
async function playFulfilment(plan: ScenarioPlan, paid: readonly PlannedOrder[], setup: DriverSetup, patience: Patience, step: Step, outcome: ScenarioOutcome): Promise<void> {
  const { endpoints, onProgress } = setup;
  const orderService = endpoints['order-service'] as string;
  const counters = () => activity(endpoints);
  onProgress({ step: 'reservations and dispatch plans', done: 0, total: 1 });
  // A ready order waits out the dispatch decision window (related orders) before it is planned;
  // then its waybills are requested.
  const unplanned = await waitUntilOrdersLeave(orderService, paid, BEFORE_PLAN, patience, counters);
  await waitUntilQuiet(endpoints, patience.stallMs);
  onProgress({ step: 'reservations and dispatch plans', done: 1, total: 1 });
  if (unplanned.length > 0) outcome.problems.push(`orders not planned (no progress for ${patience.stallMs} ms): ${unplanned.join(', ')}`);
  const carriers = new CarrierPlayer(endpoints['logistics-simulators'] as string, { lateTrack: plantedCount(plan, 'late-track') > 0, unknownStatus: plantedCount(plan, 'unknown-carrier-status') > 0 }, {
    step,
    pushUndocumentedStatus: setup.pushUndocumentedStatus,
    problem: (text) => outcome.problems.push(text),
  });
  const playAndCount = async () => ({ played: await carriers.playNew().catch((error: unknown) => String(error)), counters: await counters() });
  const undelivered = await waitUntilOrdersLeave(orderService, paid, ON_THE_WAY, patience, playAndCount);
  onProgress({ step: 'parcels delivered', done: 1, total: 1 });
  if (undelivered.length > 0) outcome.problems.push(`orders not delivered (no progress for ${patience.stallMs} ms): ${undelivered.join(', ')}`);
  if (carriers.unknownStatusSkipped) outcome.skipped.push({ step: 'an undocumented carrier status', needs: 'carrier simulators in this process' });
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
