/** The merchant identity every gateway test configures (sample values in the providers' formats). */
export const testMerchant = {
  wechatpayMchid: '1900000109',
  wechatpayAppid: 'wxd678efh567hg6787',
  apiV3Key: 'Qy7vK2mT9pLx4RzN8cWf3HbJ6sDe1GaU',
  alipayAppId: '2021004112345678',
  alipaySellerId: '2088102146225135',
  callbackSecret: 'merchant-callback-secret-for-tests-0123456789',
  shopifySecret: 'shpss_test_9f3a1c7e2b',
  douyinAppKey: '7012345678901234567',
  douyinAppSecret: 'douyin-app-secret-for-tests',
  pinduoduoClientSecret: 'pdd-client-secret-for-tests',
  miniprogramSecret: 'miniprogram-webhook-secret-for-tests-0123',
} as const;
