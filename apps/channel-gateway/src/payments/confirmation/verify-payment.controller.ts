import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { paymentProviderSymbols, type PaymentProvider } from '@oms/contracts';
import { ServerResponse } from 'node:http';
import { sendAnswer } from '../../http/http-answer';
import { rawBodyOf, type RawBodyRequest } from '../../http/raw-body';
import { PaymentVerificationService } from './payment-verification.service';

function requestedProvider(body: Buffer): PaymentProvider | undefined | 'invalid' {
  if (body.length === 0) return undefined;
  try {
    const provider: unknown = (JSON.parse(body.toString('utf8')) as { provider?: unknown }).provider;
    if (provider === undefined) return undefined;
    return paymentProviderSymbols.includes(provider as PaymentProvider) ? (provider as PaymentProvider) : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** `POST /orders/{id}/verify-payment`: query the provider now and record its answer. */
@ApiTags('payments')
@Controller('orders')
export class VerifyPaymentController {
  constructor(private readonly verification: PaymentVerificationService) {}

  @Post(':id/verify-payment')
  @ApiOperation({
    summary: "Check the payment's real status with the provider (balance confirmation on demand)",
    description: 'Queries the provider transaction API for the order (id = out_trade_no), publishes the PaymentConfirmation (confirmed or not) and returns it.',
  })
  @ApiParam({ name: 'id', description: 'The merchant order number (out_trade_no)' })
  @ApiBody({ required: false, schema: { type: 'object', properties: { provider: { type: 'string', enum: [...paymentProviderSymbols] } } } })
  @ApiResponse({ status: 200, description: 'The PaymentConfirmation recorded' })
  @ApiResponse({ status: 400, description: 'Unknown provider or malformed body' })
  @ApiResponse({ status: 404, description: 'No notification seen for this order and no provider given' })
  async verify(@Param('id') outTradeNo: string, @Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    const provider = requestedProvider(rawBodyOf(request));
    if (provider === 'invalid') return sendAnswer(response, { status: 400, headers: {}, body: { message: `provider must be one of ${paymentProviderSymbols.join(', ')}` } });
    const result = await this.verification.verify(outTradeNo, provider);
    if (result.kind === 'unknown-provider') {
      return sendAnswer(response, { status: 404, headers: {}, body: { message: 'no payment notification seen for this order; give {"provider": "WECHAT_PAY" | "ALIPAY"}' } });
    }
    sendAnswer(response, { status: 200, headers: {}, body: result.confirmation });
  }
}
