import type { CarrierCode } from '@oms/contracts';
import type { StatusDictionary } from '@oms/fulfillment-domain';
import type { RecordedHttpClient } from '../../calls/recorded-http.client';
import type { CarrierAdapter, ParsedTrack, PhoneVerification, PushAcknowledgement, WaybillAnswer, WaybillRequest } from '../carrier-adapter';
import { answerJson, jsonPost } from '../carrier-http';
import { PayloadReader } from '../payload-reader';
import dictionary from '../dictionaries/jd.status-dictionary.json';

/**
 * JD Logistics, modelled on the JD Logistics open platform (京东物流开放平台, LOP): JSON `POST`s
 * under `/jd/ecap/v1/...` with an `LOP-DN` header, answers `{ code: 0, msg, data }`. Times are
 * epoch milliseconds; codes are numeric `state` strings that tell sorting centres (trunk) from
 * delivery stations (regional) by themselves.
 */
export class JdAdapter implements CarrierAdapter {
  readonly source = 'JD' as const;
  readonly carriers: readonly CarrierCode[] = ['JD'];
  readonly dictionary = dictionary as StatusDictionary;

  constructor(
    private readonly http: RecordedHttpClient,
    private readonly baseUrl: string,
  ) {}

  async verifyPhone(request: WaybillRequest): Promise<PhoneVerification> {
    const answer = await this.post('phone/verify', 'verify-phone', { mobile: request.consignee.phone, name: request.consignee.name }, request.orderId, null);
    return { verified: answer.ok && answer.data?.['pass'] === true, detail: String(answer.data?.['reason'] ?? answer.msg), rawResponse: answer.raw, callId: answer.callId };
  }

  async requestWaybill(request: WaybillRequest, dryRun: boolean): Promise<WaybillAnswer> {
    const { address } = request.consignee;
    const body = {
      orderId: request.merchantOrderRef,
      receiverContact: { name: request.consignee.name, mobile: request.consignee.phone, fullAddress: `${address.province}${address.city}${address.district}${address.detail}` },
      cargoes: [{ name: request.extended.sub_order_id, weight: request.extended.declared_weight_grams / 1000, quantity: 1 }],
      extendFields: request.extended,
    };
    const answer = await this.post(dryRun ? 'orders/precheck' : 'orders/create', dryRun ? 'dry-run-waybill' : 'create-waybill', body, request.orderId, null);
    if (!answer.ok) return { accepted: false, trackingNumber: null, detail: `JD ${answer.code}: ${answer.msg}`, callId: answer.callId };
    const waybillCode = answer.data?.['waybillCode'];
    return { accepted: true, trackingNumber: dryRun || typeof waybillCode !== 'string' ? null : waybillCode, detail: dryRun ? 'JD precheck passed' : 'JD order created', callId: answer.callId };
  }

  async queryRoute(trackingNumber: string, _carrier: CarrierCode, orderId: string | null): Promise<ParsedTrack[]> {
    const answer = await this.post('orders/trace/query', 'query-route', { waybillCode: trackingNumber }, orderId, trackingNumber);
    const details = (answer.data?.['traceDetails'] as unknown[] | undefined) ?? [];
    return details.map((detail) => this.track(new PayloadReader('JD', detail as Record<string, unknown>), trackingNumber));
  }

  parsePush(body: string): ParsedTrack[] {
    const event = PayloadReader.parse('JD', body);
    return [this.track(event, event.text('waybillCode'))];
  }

  acknowledge(accepted: boolean, reason = ''): PushAcknowledgement {
    return accepted ? { status: 200, body: { code: 0, msg: 'success' } } : { status: 400, body: { code: 1001, msg: reason } };
  }

  private track(event: PayloadReader, trackingNumber: string): ParsedTrack {
    return {
      source: 'JD',
      carrier: 'JD',
      trackingNumber,
      carrierStatusCode: event.text('state'),
      carrierStatusText: event.text('operationTitle'),
      description: event.optionalText('operationRemark') ?? event.text('operationTitle'),
      location: event.optionalText('operationSite'),
      facts: {},
      occurredAt: event.time('operationTime'),
      merchantOrderRef: event.optionalText('orderCode'),
      rawPayload: event.raw(),
    };
  }

  private async post(path: string, operation: string, body: unknown, orderId: string | null, trackingNumber: string | null) {
    const result = await this.http.call(jsonPost('JD', operation, `${this.baseUrl}/jd/ecap/v1/${path}`, body, { orderId, trackingNumber }, { 'LOP-DN': 'ECAP' }));
    const answer = answerJson(result.body);
    return { ok: answer['code'] === 0, code: String(answer['code'] ?? result.status), msg: String(answer['msg'] ?? ''), data: answer['data'] as Record<string, unknown> | undefined, callId: result.callId, raw: result.body };
  }
}
