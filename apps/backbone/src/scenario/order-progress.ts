// eslint-disable-next-line @nx/enforce-module-boundaries -- the order id is a pure function of channel + channel order id (order-service's rule)
import { orderIdOf } from '../../../order-service/src/orders/order-id';
import { waitWhileProgressing, type Patience } from './patience';
import type { PlannedOrder, ScenarioChannel } from './scenario-plan';

const CHANNEL_SYMBOL: Record<ScenarioChannel, string> = { miniprogram: 'MINI_PROGRAM', shopify: 'SHOPIFY', douyin: 'DOUYIN', pinduoduo: 'PINDUODUO' };

/** What the driver reports for an order while order-service does not answer (killed, restarting). */
export const UNREACHABLE = 'unreachable';
/** A paid order's states while its plan is still to come: not even placed yet (a restarted service replays its backlog), unpaid yet, reserving, in the decision window, being refunded. */
export const BEFORE_PLAN: ReadonlySet<string> = new Set(['not_placed', 'pending_payment', 'paid', 'inventory_reserved', 'ready_to_dispatch', 'refunding']);
/** A paid order's states while its parcels are on their way (or its plan is still to come). */
export const ON_THE_WAY: ReadonlySet<string> = new Set([...BEFORE_PLAN, 'dispatch_planned', 'partially_shipped', 'shipped', 'in_delivery']);

/** The id order-service gives a planned order. */
export function orderIdOfPlanned(planned: PlannedOrder): string {
  return orderIdOf(CHANNEL_SYMBOL[planned.channel], planned.order.channelOrderId);
}

interface OrderState {
  channelOrderId: string;
  status: string;
}

async function stateOf(orderServiceUrl: string, planned: PlannedOrder): Promise<OrderState> {
  const response = await fetch(`${orderServiceUrl}/orders/${orderIdOfPlanned(planned)}`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  const status = response?.ok ? ((await response.json()) as { state: { status: string } }).state.status : response?.status === 404 ? 'not_placed' : UNREACHABLE;
  return { channelOrderId: planned.order.channelOrderId, status };
}

/** Besides the orders' states, what else counts as progress while waiting (the services' counters, parcels handed to the carriers). */
export type ProgressProbe = () => Promise<unknown>;

/**
 * Waits until order-service reports none of `orders` in one of `transient` states (work still
 * under way) and answers for every one of them, for as long as anything moves: an order changing
 * state or whatever `probe` returns changing (see {@link Patience}). Returns the orders still
 * behind when it gave up — the summary then shows where they stayed.
 */
export async function waitUntilOrdersLeave(orderServiceUrl: string, orders: readonly PlannedOrder[], transient: ReadonlySet<string>, patience: Patience, probe: ProgressProbe = async () => undefined): Promise<string[]> {
  const isBehind = (state: OrderState) => state.status === UNREACHABLE || transient.has(state.status);
  const result = await waitWhileProgressing(
    async () => ({ probed: await probe(), states: await Promise.all(orders.map((planned) => stateOf(orderServiceUrl, planned))) }),
    ({ states }) => !states.some(isBehind),
    (observed) => JSON.stringify(observed),
    patience,
  );
  return result.value.states.filter(isBehind).map((state) => `${state.channelOrderId}: ${state.status}`);
}
