import type { ScenarioChannel, ScenarioProvider } from './scenario-plan';

/** One notification delivery as the simulated provider recorded it. */
export interface SimulatedDelivery {
  status: number;
  acknowledged: boolean;
}

/** A trade as the simulated provider's books hold it. */
export interface ProviderTrade {
  transactionId: string;
  amount: number;
  paidAtMs: number | null;
  refunds: Array<{ outRefundNo: string; refundId: string; amount: number; refundedAtMs: number }>;
}

/** The simulators' control API over HTTP (the same whether they run in this process or another). */
export class SimulatorsClient {
  constructor(private readonly baseUrl: string) {}

  /** The channel sends its signed order webhook to the gateway; returns the gateway's status. */
  async sendOrder(channel: ScenarioChannel, gatewayUrl: string, order: unknown): Promise<number> {
    const answer = await this.call<{ status: number }>('POST', `/simulator/channels/${channel}/orders`, { gatewayUrl, order });
    return answer.status;
  }

  /** The buyer pays; the provider starts notifying `notifyUrl`. */
  async pay(provider: ScenarioProvider, outTradeNo: string, amount: number, notifyUrl: string): Promise<void> {
    await this.call('POST', '/simulator/payments', { provider, outTradeNo, amount, notifyUrl });
  }

  /** Every delivery of a trade's notification so far. */
  async deliveries(provider: ScenarioProvider, outTradeNo: string): Promise<SimulatedDelivery[]> {
    return (await this.call<{ deliveries: SimulatedDelivery[] }>('GET', `/simulator/payments/${provider}/${outTradeNo}`)).deliveries;
  }

  /** The trade as the provider settled it (transaction id, amount, success time). */
  async trade(provider: ScenarioProvider, outTradeNo: string): Promise<ProviderTrade> {
    return (await this.call<{ trade: ProviderTrade }>('GET', `/simulator/payments/${provider}/${outTradeNo}`)).trade;
  }

  /** Delivers the notification again, as a provider does when acknowledgements get lost. */
  async redeliver(provider: ScenarioProvider, outTradeNo: string, times: number): Promise<SimulatedDelivery[]> {
    return this.call<SimulatedDelivery[]>('POST', `/simulator/payments/${provider}/${outTradeNo}/redeliveries`, { times });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulators ${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
