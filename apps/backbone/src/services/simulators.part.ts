// The composition root starts other apps' entry points in this process: these cross-app imports are its job.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startPaymentProviderSimulator } from '../../../simulators/src/payment-provider/payment-provider.simulator';
import type { ServicePart } from './service-part';

/**
 * The fake outside world over real HTTP: the payment provider (WeChat Pay v3 + Alipay, its own
 * keys) and the channels' signed webhooks. It publishes its keys for the gateway to trust.
 */
export const simulatorsPart: ServicePart = {
  name: 'simulators',
  available: true,
  async start(context) {
    const { merchant } = context;
    const simulator = await startPaymentProviderSimulator({
      merchant: {
        wechatpay: { mchid: merchant.wechatpayMchid, appid: merchant.wechatpayAppid, apiV3Key: merchant.apiV3Key, merchantPublicKeyPem: merchant.wechatpayMerchantKey.publicKeyPem, merchantSerial: merchant.wechatpayMerchantKey.serial },
        alipay: { appId: merchant.alipayAppId, sellerId: merchant.alipaySellerId, appPublicKeyPem: merchant.alipayAppKey.publicKeyPem },
      },
      channels: merchant.channels,
      // Unanswered notifications are retried on the providers' schedules, 1,000× faster.
      retryTimeScale: 0.001,
    });
    context.simulators = { url: simulator.url, wechatpaySerial: simulator.keys.wechatpaySerial, wechatpayPublicKeyPem: simulator.keys.wechatpayPublicKeyPem, alipayPublicKeyPem: simulator.keys.alipayPublicKeyPem };
    return { url: simulator.url, stop: () => simulator.stop() };
  },
};
