import { json, type SimulatorRouter } from '../http/simulator-router';
import type { NotificationDelivery } from './notification-dispatcher';
import type { SimulatedTrade, TradeBook } from './trade-book';

type Provider = SimulatedTrade['provider'];

/** What the control API drives. */
export interface SimulatorControls {
  pay(provider: Provider, outTradeNo: string, amount: number, notifyUrl?: string): SimulatedTrade;
  redeliver(provider: Provider, outTradeNo: string, times: number): Promise<NotificationDelivery[]>;
  deliveries(provider: Provider, outTradeNo: string): NotificationDelivery[];
}

const isProvider = (value: unknown): value is Provider => value === 'WECHAT_PAY' || value === 'ALIPAY';

/**
 * The simulator's own control API, for demos and for tests running it as a separate process:
 *
 * - `POST /simulator/payments {provider, outTradeNo, amount, notifyUrl?}`: the buyer pays;
 * - `POST /simulator/payments/{provider}/{outTradeNo}/redeliveries {times}`: lost acknowledgements;
 * - `GET /simulator/payments/{provider}/{outTradeNo}`: the trade and every delivery attempt.
 */
export function registerSimulatorControl(router: SimulatorRouter, simulator: SimulatorControls, trades: TradeBook): void {
  router.on('POST', /^\/simulator\/payments$/, (request) => {
    const { provider, outTradeNo, amount, notifyUrl } = JSON.parse(request.body) as { provider: unknown; outTradeNo: unknown; amount: unknown; notifyUrl?: string };
    if (!isProvider(provider) || typeof outTradeNo !== 'string' || typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      return json(400, { message: 'expected {provider: WECHAT_PAY|ALIPAY, outTradeNo, amount (fen), notifyUrl?}' });
    }
    return json(201, simulator.pay(provider, outTradeNo, amount, notifyUrl));
  });
  router.on('POST', /^\/simulator\/payments\/([A-Z_]+)\/([^/]+)\/redeliveries$/, async (request) => {
    const [provider, outTradeNo] = request.params;
    const { times } = JSON.parse(request.body || '{}') as { times?: number };
    if (!isProvider(provider)) return json(404, { message: 'unknown provider' });
    return json(200, await simulator.redeliver(provider, outTradeNo, Math.min(Math.max(times ?? 1, 1), 100)));
  });
  router.on('GET', /^\/simulator\/payments\/([A-Z_]+)\/([^/]+)$/, (request) => {
    const [provider, outTradeNo] = request.params;
    const trade = isProvider(provider) ? trades.find(provider, outTradeNo) : undefined;
    if (!trade || !isProvider(provider)) return json(404, { message: 'no such trade' });
    return json(200, { trade, deliveries: simulator.deliveries(provider, outTradeNo) });
  });
}
