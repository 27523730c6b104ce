import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ServerResponse } from 'node:http';
import type { GatewayConfig } from '../../config/gateway-config';
import { sendAnswer } from '../../http/http-answer';
import { rawBodyOf, type RawBodyRequest } from '../../http/raw-body';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import { PaymentNotificationHandler } from '../intake/payment-notification.handler';
import { alipayAnswer } from './alipay-answer';
import { verifyAlipayNotification } from './alipay-notification.verifier';

/** `POST /payments/alipay/notify`: Alipay asynchronous trade notifications (trade_status_sync). */
@ApiTags('payments')
@Controller('payments/alipay')
export class AlipayNotificationController {
  constructor(
    private readonly handler: PaymentNotificationHandler,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('notify')
  @ApiOperation({
    summary: 'Alipay asynchronous notification',
    description:
      'Form-encoded; RSA2 over the sorted k=v parameters without sign and sign_type; app_id and seller_id must be ours; total_amount exact yuan → fen. ' +
      'Answers exactly `success` only after PaymentNotification is published (acks all), `failure` otherwise.',
  })
  @ApiBody({ description: 'application/x-www-form-urlencoded notification parameters', schema: { type: 'string' } })
  @ApiResponse({ status: 200, description: '`success`; carries X-Callback-Verified and X-Callback-Timestamp' })
  @ApiResponse({ status: 401, description: '`failure`: bad or missing RSA2 sign' })
  @ApiResponse({ status: 400, description: '`failure`: app_id, seller_id, ids, amount, trade_status or times' })
  @ApiResponse({ status: 500, description: '`failure`: not recorded; Alipay retries' })
  async notify(@Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    const receivedAtMs = this.clock.now();
    const body = rawBodyOf(request).toString('utf8');
    const verification = verifyAlipayNotification({ body, receivedAtMs }, this.config.alipay, this.config.currency);
    sendAnswer(response, alipayAnswer(await this.handler.handle('ALIPAY', verification)));
  }
}
