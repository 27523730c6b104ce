import { randomBytes } from 'node:crypto';
import { alipayAcknowledged, NotificationDispatcher, wechatpayAcknowledged, type NotificationDelivery, type OutgoingNotification } from './notification-dispatcher';
import { alipayNotificationOf, wechatNotificationOf } from './provider-messages';
import type { ProviderKeys } from './provider-keys';
import { compressedSchedule } from './retry-schedule';
import type { SimulatedMerchant } from './simulated-merchant';
import type { SimulatedTrade } from './trade-book';

interface TradeNotification {
  build: () => OutgoingNotification;
  provider: SimulatedTrade['provider'];
}

/**
 * The notifications of every trade: what to send (a WeChat Pay notification is re-signed per
 * delivery with a new nonce; an Alipay form is resent unchanged, with the same notify_id), where,
 * and every delivery attempt made.
 */
export class NotificationCenter {
  private readonly dispatcher = new NotificationDispatcher();
  private readonly byTrade = new Map<string, TradeNotification>();
  private readonly attempts = new Map<string, NotificationDelivery[]>();

  constructor(
    private readonly merchant: SimulatedMerchant,
    private readonly keys: ProviderKeys,
    private readonly timeScale: number,
  ) {}

  /** Starts delivering the trade's notification, with the provider's retry schedule. */
  notify(trade: SimulatedTrade, notifyUrl?: string): void {
    const url = notifyUrl ?? (trade.provider === 'WECHAT_PAY' ? this.merchant.wechatpay.notifyUrl : this.merchant.alipay.notifyUrl);
    if (!url) return;
    const notification = this.notificationOf(trade, url);
    this.byTrade.set(this.key(trade.provider, trade.outTradeNo), notification);
    const acknowledged = trade.provider === 'WECHAT_PAY' ? wechatpayAcknowledged : alipayAcknowledged;
    this.dispatcher.dispatch(notification.build, acknowledged, compressedSchedule(trade.provider, this.timeScale), (delivery) => this.record(trade.provider, trade.outTradeNo, delivery));
  }

  /** Delivers the same notification `times` more times at once (no retries); resolves with those attempts. */
  async redeliver(provider: SimulatedTrade['provider'], outTradeNo: string, times: number): Promise<NotificationDelivery[]> {
    const notification = this.byTrade.get(this.key(provider, outTradeNo));
    if (!notification) return [];
    const acknowledged = provider === 'WECHAT_PAY' ? wechatpayAcknowledged : alipayAcknowledged;
    const deliveries = await Promise.all(Array.from({ length: times }, () => this.dispatcher.deliverOnce(notification.build(), acknowledged)));
    for (const delivery of deliveries) this.record(provider, outTradeNo, delivery);
    return deliveries;
  }

  deliveries(provider: SimulatedTrade['provider'], outTradeNo: string): NotificationDelivery[] {
    return [...(this.attempts.get(this.key(provider, outTradeNo)) ?? [])];
  }

  stop(): Promise<void> {
    return this.dispatcher.stop();
  }

  private notificationOf(trade: SimulatedTrade, url: string): TradeNotification {
    if (trade.provider === 'WECHAT_PAY') {
      const notificationId = `EV-${randomBytes(10).toString('hex')}`;
      return { provider: trade.provider, build: () => ({ url, ...wechatNotificationOf(trade, this.merchant, this.keys, notificationId) }) };
    }
    const body = alipayNotificationOf(trade, this.merchant, this.keys, randomBytes(16).toString('hex'));
    return { provider: trade.provider, build: () => ({ url, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body }) };
  }

  private record(provider: string, outTradeNo: string, delivery: NotificationDelivery): void {
    const key = this.key(provider, outTradeNo);
    const numbered = { ...delivery, attempt: (this.attempts.get(key)?.length ?? 0) + 1 };
    this.attempts.set(key, [...(this.attempts.get(key) ?? []), numbered]);
  }

  private key(provider: string, outTradeNo: string): string {
    return `${provider}:${outTradeNo}`;
  }
}
