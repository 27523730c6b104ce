/** The secrets the simulated channels sign their webhooks with (the gateway's channel secrets). */
export interface ChannelSecrets {
  shopifySecret: string;
  douyinAppKey: string;
  douyinAppSecret: string;
  pinduoduoClientSecret: string;
  miniprogramSecret: string;
}
