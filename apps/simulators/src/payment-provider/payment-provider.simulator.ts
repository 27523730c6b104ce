import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerChannelControl } from '../channels/channel-control.handlers';
import type { ChannelSecrets } from '../channels/channel-secrets';
import { SimulatorRouter } from '../http/simulator-router';
import { registerAlipayGateway } from './alipay-gateway.handlers';
import type { NotificationDelivery } from './notification-dispatcher';
import { NotificationCenter } from './notification-center';
import { generateProviderKeys, type ProviderKeys } from './provider-keys';
import type { SimulatedMerchant } from './simulated-merchant';
import { registerSimulatorControl } from './simulator-control.handlers';
import { TradeBook, type SimulatedTrade } from './trade-book';
import { registerWechatpayApi } from './wechatpay-api.handlers';

/** Options of {@link startPaymentProviderSimulator}. */
export interface PaymentProviderSimulatorOptions {
  merchant: SimulatedMerchant;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Default: freshly generated. */
  keys?: ProviderKeys;
  /** Retry schedules scaled by this factor (default 1/1000: WeChat Pay's 15 s becomes 15 ms). */
  retryTimeScale?: number;
  /** When given, the same server also runs the channel simulators' control route (`/simulator/channels/...`). */
  channels?: ChannelSecrets;
}

/** A running simulated payment provider (WeChat Pay API v3 and Alipay open API on one server). */
export interface PaymentProviderSimulator {
  url: string;
  /** Base URL of the WeChat Pay API v3 (`/v3/...`). */
  wechatpayApiBaseUrl: string;
  /** The Alipay gateway (`/gateway.do`). */
  alipayGatewayUrl: string;
  keys: ProviderKeys;
  /**
   * The buyer pays now: records a successful trade and starts notifying the merchant at
   * `notifyUrl` (the order's notify_url, as both providers take it per order) or the merchant's default.
   */
  pay(provider: SimulatedTrade['provider'], outTradeNo: string, amount: number, notifyUrl?: string): SimulatedTrade;
  /** Delivers a trade's notification again `times` times at once, as a provider does when acknowledgements get lost. */
  redeliver(provider: SimulatedTrade['provider'], outTradeNo: string, times: number): Promise<NotificationDelivery[]>;
  /** Every delivery attempt of a trade's notification so far. */
  deliveries(provider: SimulatedTrade['provider'], outTradeNo: string): NotificationDelivery[];
  stop(): Promise<void>;
}

/**
 * Starts a payment provider that behaves like the real ones over real HTTP: its own RSA keys and
 * certificate serial, signed v3 notifications with AES-256-GCM resources, Alipay RSA2-signed
 * forms, the providers' retry schedules (compressed), a transaction query API and a refund API,
 * plus a small control API under `/simulator` for demos and tests in other processes.
 */
export async function startPaymentProviderSimulator(options: PaymentProviderSimulatorOptions): Promise<PaymentProviderSimulator> {
  const keys = options.keys ?? generateProviderKeys();
  const trades = new TradeBook();
  const notifications = new NotificationCenter(options.merchant, keys, options.retryTimeScale ?? 1 / 1000);
  const router = new SimulatorRouter();
  registerWechatpayApi(router, trades, options.merchant, keys);
  registerAlipayGateway(router, trades, options.merchant, keys);

  const simulator = {
    keys,
    pay: (provider: SimulatedTrade['provider'], outTradeNo: string, amount: number, notifyUrl?: string) => {
      const trade = trades.pay(provider, outTradeNo, amount);
      notifications.notify(trade, notifyUrl);
      return trade;
    },
    redeliver: (provider: SimulatedTrade['provider'], outTradeNo: string, times: number) => notifications.redeliver(provider, outTradeNo, times),
    deliveries: (provider: SimulatedTrade['provider'], outTradeNo: string) => notifications.deliveries(provider, outTradeNo),
  };
  registerSimulatorControl(router, simulator, trades);
  if (options.channels) registerChannelControl(router, options.channels);

  const server = createServer((request, response) => void router.handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const url = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    ...simulator,
    url,
    wechatpayApiBaseUrl: url,
    alipayGatewayUrl: `${url}/gateway.do`,
    stop: async () => {
      await notifications.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
