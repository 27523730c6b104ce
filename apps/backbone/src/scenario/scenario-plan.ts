// eslint-disable-next-line @nx/enforce-module-boundaries -- the channel-neutral order the channel simulators sign
import { payableOf, type SimulatedOrder } from '../../../simulators/src/channels/simulated-order';
import { SCENARIO_CATALOG, STOCK_OUT_SKU, type ScenarioSku } from './scenario-catalog';

/** The channels of the promotion (the `{channel}` of the gateway's webhook routes). */
export type ScenarioChannel = 'miniprogram' | 'shopify' | 'douyin' | 'pinduoduo';
/** Providers our own channel is paid through. */
export type ScenarioProvider = 'WECHAT_PAY' | 'ALIPAY';

/** An anomaly or feature planted on an order. */
export type PlantedTag =
  | 'merged-cart'
  | 'related'
  | 'unpaid'
  | 'forged-notification'
  | 'duplicate-notifications'
  | 'stock-out'
  | 'late-track'
  | 'unknown-carrier-status'
  | 'bank-line-missing'
  | 'bank-amount-differs'
  | 'bank-time-gap';

/** One order of the scenario and what happens to it. */
export interface PlannedOrder {
  channel: ScenarioChannel;
  order: SimulatedOrder;
  /** Paid through our provider (own channel only); marketplaces collect the money themselves. */
  payment?: { provider: ScenarioProvider; amount: number; redeliveries: number };
  tags: PlantedTag[];
  /** Orders of one customer within the hour (same address, phone, invoice title). */
  relatedGroup?: string;
}

/**
 * The promotion day, planted in one place: every order, every anomaly. The driver plays it; the
 * summary is compared with it (`expectedFigures`), so what the services report can be checked
 * against what was planted.
 */
export interface ScenarioPlan {
  runId: string;
  /** The business day (Asia/Shanghai) whose 09:00 report the next morning covers. */
  businessDate: string;
  orders: PlannedOrder[];
  /** Notifications sent with a signature no provider key made (refused, never paid). */
  forgedNotifications: Array<{ provider: ScenarioProvider; outTradeNo: string; amount: number }>;
}

/** The smallest burst that still plants every anomaly once. */
export const MIN_ORDERS = 20;

/** Where the anomalies sit among the own-channel (mini-program) orders, by index. */
const PLANTED_AT: Readonly<Record<number, PlantedTag>> = {
  1: 'unpaid',
  2: 'forged-notification',
  3: 'stock-out',
  4: 'duplicate-notifications',
  5: 'duplicate-notifications',
  6: 'duplicate-notifications',
  7: 'late-track',
  8: 'unknown-carrier-status',
  9: 'bank-line-missing',
  10: 'bank-amount-differs',
  11: 'bank-time-gap',
};
const REDELIVERIES = 2;
const WAREHOUSES = [...new Set(SCENARIO_CATALOG.map((sku) => sku.warehouseId))];

/** Seven in ten orders come through our own mini-program; the rest from the marketplaces. */
function channelAt(index: number): ScenarioChannel {
  const slot = index % 10;
  return slot < 7 ? 'miniprogram' : slot === 7 ? 'shopify' : slot === 8 ? 'douyin' : 'pinduoduo';
}

function line(sku: ScenarioSku, quantity: number) {
  return { sku: sku.sku, title: sku.title, quantity, unitPrice: sku.unitPrice, discount: sku.unitPrice >= 10_000 ? 1_000 * quantity : 0 };
}

/** One warehouse's SKUs for a plain cart; one SKU of each of 2–3 warehouses for a merged cart. */
function linesFor(ownIndex: number, merged: boolean, stockOut: boolean) {
  if (stockOut) return [line(STOCK_OUT_SKU, 1)];
  if (merged) return WAREHOUSES.slice(0, 2 + (ownIndex % 2)).map((warehouse, k) => line(SCENARIO_CATALOG.find((sku) => sku.warehouseId === warehouse) as ScenarioSku, 1 + (k % 2)));
  const warehouse = WAREHOUSES[ownIndex % 2] as string;
  return SCENARIO_CATALOG.filter((sku) => sku.warehouseId === warehouse).slice(0, 1 + (ownIndex % 2)).map((sku) => line(sku, 1 + (ownIndex % 3)));
}

function buyer(number: number) {
  const suffix = String(number).padStart(4, '0');
  return {
    buyer: { id: `oPromo${suffix}`, nickname: `茶友${suffix}`, name: `王${['小明', '丽华', '建国', '晓燕'][number % 4]}`, phone: `1380013${suffix}` },
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: `文一西路 ${100 + number} 号 ${1 + (number % 9)} 幢 ${1001 + number} 室` },
  };
}

function channelOrderId(channel: ScenarioChannel, runNumber: string, index: number): string {
  const serial = String(index).padStart(5, '0');
  if (channel === 'miniprogram') return `MP${runNumber}${serial}`;
  if (channel === 'shopify') return `7${runNumber}${serial}`;
  if (channel === 'douyin') return `69${runNumber}${serial}`;
  return `${runNumber.slice(0, 6)}-${runNumber.slice(6)}${serial}`;
}

/**
 * Plans a burst of `orderCount` orders (at least {@link MIN_ORDERS}). Deterministic for a given
 * `startedAtMs`: ids embed it, so runs against a shared broker and database never collide.
 */
export function planScenario(orderCount: number, startedAtMs: number): ScenarioPlan {
  if (!Number.isSafeInteger(orderCount) || orderCount < MIN_ORDERS) throw new Error(`--orders must be an integer ≥ ${MIN_ORDERS} (every anomaly is planted once)`);
  const runNumber = String(startedAtMs).slice(-10);
  const orders: PlannedOrder[] = [];
  let ownIndex = 0;
  for (let index = 0; index < orderCount; index++) {
    const channel = channelAt(index);
    const own = channel === 'miniprogram';
    const tag = own ? PLANTED_AT[ownIndex] : undefined;
    const merged = own && ownIndex % 5 === 0;
    // Every tenth own order has a sibling: the next order of the same customer, minutes later.
    const relatedTo = own && ownIndex % 10 === 9 ? ownIndex - 1 : undefined;
    const people = buyer(relatedTo ?? (own ? ownIndex : 5_000 + index));
    const order: SimulatedOrder = {
      channelOrderId: channelOrderId(channel, runNumber, index),
      outTradeNo: own ? `P${runNumber}${String(index).padStart(5, '0')}` : undefined,
      lines: linesFor(ownIndex, merged, tag === 'stock-out'),
      shippingFee: merged ? 0 : 800,
      ...people,
      createdAtMs: startedAtMs - 60_000 + index * 10,
    };
    const tags: PlantedTag[] = [...(tag ? [tag] : []), ...(merged ? (['merged-cart'] as const) : []), ...(relatedTo !== undefined ? (['related'] as const) : [])];
    const paid = own && tag !== 'unpaid' && tag !== 'forged-notification';
    const planned: PlannedOrder = { channel, order, tags };
    if (paid) planned.payment = { provider: ownIndex % 2 === 0 ? 'WECHAT_PAY' : 'ALIPAY', amount: payableOf(order), redeliveries: tag === 'duplicate-notifications' ? REDELIVERIES : 0 };
    if (relatedTo !== undefined) {
      planned.relatedGroup = `customer-${relatedTo}`;
      const sibling = orders.findLast((candidate) => candidate.channel === 'miniprogram');
      if (sibling) {
        sibling.relatedGroup = planned.relatedGroup;
        if (!sibling.tags.includes('related')) sibling.tags.push('related');
      }
    }
    orders.push(planned);
    if (own) ownIndex++;
  }
  const forgedTarget = orders.find((planned) => planned.tags.includes('forged-notification'));
  return {
    runId: runNumber,
    businessDate: new Date(startedAtMs + 8 * 3_600_000).toISOString().slice(0, 10),
    orders,
    forgedNotifications: forgedTarget?.order.outTradeNo ? [{ provider: 'WECHAT_PAY', outTradeNo: forgedTarget.order.outTradeNo, amount: payableOf(forgedTarget.order) }] : [],
  };
}

/** How many orders carry a tag. */
export function plantedCount(plan: ScenarioPlan, tag: PlantedTag): number {
  return plan.orders.filter((planned) => planned.tags.includes(tag)).length;
}
