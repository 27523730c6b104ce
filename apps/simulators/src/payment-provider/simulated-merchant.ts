/** The merchant the simulated provider serves: its ids, its keys' public halves, its notify URLs. */
export interface SimulatedMerchant {
  wechatpay: {
    mchid: string;
    appid: string;
    /** The API v3 key the merchant set (32 bytes); the simulator encrypts resources with it. */
    apiV3Key: string;
    /** Where notifications go; none → payments are not notified. */
    notifyUrl?: string;
    /** Merchant API certificate's public key: when set, query and refund requests must be signed with it. */
    merchantPublicKeyPem?: string;
    merchantSerial?: string;
  };
  alipay: {
    appId: string;
    sellerId: string;
    notifyUrl?: string;
    /** Application public key: when set, open-API requests must be signed (RSA2) with it. */
    appPublicKeyPem?: string;
  };
}
