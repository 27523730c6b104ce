// eslint-disable-next-line @nx/enforce-module-boundaries -- the order id is a pure function of channel + channel order id (order-service's rule)
import { orderIdOf } from '../../../order-service/src/orders/order-id';
import type { PlannedOrder, ScenarioChannel } from './scenario-plan';

const CHANNEL_SYMBOL: Record<ScenarioChannel, string> = { miniprogram: 'MINI_PROGRAM', shopify: 'SHOPIFY', douyin: 'DOUYIN', pinduoduo: 'PINDUODUO' };

/** The id order-service gives a planned order. */
export function orderIdOfPlanned(planned: PlannedOrder): string {
  return orderIdOf(CHANNEL_SYMBOL[planned.channel], planned.order.channelOrderId);
}

/**
 * Waits until order-service reports none of `orders` in one of `transient` states (work still
 * under way: a reservation, a decision window, a parcel on its way), or `timeoutMs` passes —
 * then the summary shows whatever stayed behind. Returns the orders still in such a state.
 */
export async function waitUntilOrdersLeave(orderServiceUrl: string, orders: readonly PlannedOrder[], transient: ReadonlySet<string>, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(
      orders.map(async (planned) => {
        const response = await fetch(`${orderServiceUrl}/orders/${orderIdOfPlanned(planned)}`).catch(() => undefined);
        const status = response?.ok ? ((await response.json()) as { state: { status: string } }).state.status : 'not_placed';
        return { channelOrderId: planned.order.channelOrderId, status };
      }),
    );
    const behind = states.filter((state) => transient.has(state.status)).map((state) => `${state.channelOrderId}: ${state.status}`);
    if (behind.length === 0 || Date.now() > deadline) return behind;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
