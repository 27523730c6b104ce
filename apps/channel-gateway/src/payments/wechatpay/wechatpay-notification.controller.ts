import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ServerResponse } from 'node:http';
import type { GatewayConfig } from '../../config/gateway-config';
import { sendAnswer } from '../../http/http-answer';
import { rawBodyOf, type RawBodyRequest } from '../../http/raw-body';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import { PaymentNotificationHandler } from '../intake/payment-notification.handler';
import { wechatpayAnswer } from './wechatpay-answer';
import { verifyWechatpayNotification } from './wechatpay-notification.verifier';

/** `POST /payments/wechatpay/notify`: WeChat Pay API v3 payment notifications. */
@ApiTags('payments')
@Controller('payments/wechatpay')
export class WechatpayNotificationController {
  constructor(
    private readonly handler: PaymentNotificationHandler,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('notify')
  @ApiOperation({
    summary: 'WeChat Pay v3 payment notification (TRANSACTION.SUCCESS)',
    description:
      'Verifies Wechatpay-Signature (RSA-SHA256 over timestamp\\nnonce\\nbody\\n, key chosen by Wechatpay-Serial), refuses timestamps ≥ 300 s off and replayed nonces, ' +
      'decrypts the AES-256-GCM resource, checks ids, merchant and amount, publishes PaymentNotification (acks all) and only then answers 200.',
  })
  @ApiHeader({ name: 'Wechatpay-Timestamp', required: true })
  @ApiHeader({ name: 'Wechatpay-Nonce', required: true })
  @ApiHeader({ name: 'Wechatpay-Signature', required: true })
  @ApiHeader({ name: 'Wechatpay-Serial', required: true })
  @ApiBody({ description: 'The notification JSON exactly as WeChat Pay sent it', schema: { type: 'object' } })
  @ApiResponse({ status: 200, description: 'Durable (published, or a duplicate of a published fact); carries X-Callback-Verified and X-Callback-Timestamp' })
  @ApiResponse({ status: 401, description: '{code, message}: signature, key serial, timestamp window or replayed nonce' })
  @ApiResponse({ status: 400, description: '{code, message}: malformed body, undecryptable resource, ids, merchant, amount' })
  @ApiResponse({ status: 500, description: '{code, message}: not recorded; WeChat Pay retries' })
  async notify(@Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    const receivedAtMs = this.clock.now();
    const body = rawBodyOf(request).toString('utf8');
    const verification = verifyWechatpayNotification({ headers: request.headers, body, receivedAtMs }, this.config.wechatpay, this.config.currency);
    sendAnswer(response, wechatpayAnswer(await this.handler.handle('WECHAT_PAY', verification)));
  }
}
