import { createHash } from 'node:crypto';
import type { CarrierCode } from '@oms/contracts';
import type { StatusDictionary } from '@oms/fulfillment-domain';
import type { RecordedHttpClient } from '../../calls/recorded-http.client';
import type { CarrierAdapter, ParsedTrack, PhoneVerification, PushAcknowledgement, WaybillAnswer, WaybillRequest } from '../carrier-adapter';
import { answerJson, jsonPost } from '../carrier-http';
import { PayloadReader } from '../payload-reader';
import dictionary from '../dictionaries/zto.status-dictionary.json';

/**
 * ZTO, modelled on the ZTO open platform: `POST /zto/<method>` with a JSON body, `x-appKey` and
 * `x-dataDigest` = base64(md5(body + appSecret)); answers `{ status, statusCode, message, result }`.
 * Pushes carry one event, `scanDate` in Beijing local time without offset; the track query
 * answers ISO-8601 with offset. Codes are `scanType` words (GOT, ARRIVAL, SIGNED...).
 */
export class ZtoAdapter implements CarrierAdapter {
  readonly source = 'ZTO' as const;
  readonly carriers: readonly CarrierCode[] = ['ZTO'];
  readonly dictionary = dictionary as StatusDictionary;

  constructor(
    private readonly http: RecordedHttpClient,
    private readonly baseUrl: string,
    private readonly appKey = 'oms-zto-app',
    private readonly appSecret = 'oms-zto-secret',
  ) {}

  async verifyPhone(request: WaybillRequest): Promise<PhoneVerification> {
    const answer = await this.method('zto.open.verifyReceiverMobile', 'verify-phone', { receiverMobile: request.consignee.phone, receiverName: request.consignee.name }, request.orderId, null);
    const result = answer.result as Record<string, unknown> | undefined;
    return { verified: answer.ok && result?.['valid'] === true, detail: String(result?.['reason'] ?? answer.message), rawResponse: answer.raw, callId: answer.callId };
  }

  async requestWaybill(request: WaybillRequest, dryRun: boolean): Promise<WaybillAnswer> {
    const { address } = request.consignee;
    const body = {
      partnerType: '2',
      orderType: '1',
      partnerOrderCode: request.merchantOrderRef,
      receiveInfo: { receiverName: request.consignee.name, receiverMobile: request.consignee.phone, receiverProvince: address.province, receiverCity: address.city, receiverDistrict: address.district, receiverAddress: address.detail },
      summaryInfo: { weight: request.extended.declared_weight_grams },
      extInfo: request.extended,
    };
    const answer = await this.method(dryRun ? 'zto.open.precheckOrder' : 'zto.open.createOrder', dryRun ? 'dry-run-waybill' : 'create-waybill', body, request.orderId, null);
    if (!answer.ok) return { accepted: false, trackingNumber: null, detail: `ZTO ${answer.statusCode}: ${answer.message}`, callId: answer.callId };
    const billCode = (answer.result as Record<string, unknown> | undefined)?.['billCode'];
    return { accepted: true, trackingNumber: dryRun || typeof billCode !== 'string' ? null : billCode, detail: dryRun ? 'ZTO precheck passed' : 'ZTO order created', callId: answer.callId };
  }

  async queryRoute(trackingNumber: string, _carrier: CarrierCode, orderId: string | null): Promise<ParsedTrack[]> {
    const answer = await this.method('zto.merchant.waybill.track.query', 'query-route', { billCode: trackingNumber }, orderId, trackingNumber);
    const events = Array.isArray(answer.result) ? answer.result : [];
    return events.map((event) => this.track(new PayloadReader('ZTO', event as Record<string, unknown>), trackingNumber));
  }

  parsePush(body: string): ParsedTrack[] {
    const event = PayloadReader.parse('ZTO', body);
    return [this.track(event, event.text('billCode'))];
  }

  acknowledge(accepted: boolean, reason = ''): PushAcknowledgement {
    return accepted ? { status: 200, body: { status: true, statusCode: 'SYS000', message: '成功' } } : { status: 400, body: { status: false, statusCode: 'S211', message: reason } };
  }

  private track(event: PayloadReader, trackingNumber: string): ParsedTrack {
    const scanType = event.text('scanType');
    const site = event.optionalObject('scanSite')?.optionalText('name') ?? null;
    return {
      source: 'ZTO',
      carrier: 'ZTO',
      trackingNumber,
      carrierStatusCode: scanType,
      carrierStatusText: event.optionalText('scanTypeName') ?? scanType,
      description: event.text('desc'),
      location: site,
      facts: {},
      occurredAt: event.time('scanDate'),
      merchantOrderRef: event.optionalText('orderCode'),
      rawPayload: event.raw(),
    };
  }

  private async method(method: string, operation: string, body: unknown, orderId: string | null, trackingNumber: string | null) {
    const text = JSON.stringify(body);
    const digest = createHash('md5').update(text + this.appSecret).digest('base64');
    const result = await this.http.call({ ...jsonPost('ZTO', operation, `${this.baseUrl}/zto/${method}`, body, { orderId, trackingNumber }, { 'x-appKey': this.appKey, 'x-dataDigest': digest }), body: text });
    const answer = answerJson(result.body);
    return { ok: answer['status'] === true, statusCode: String(answer['statusCode'] ?? result.status), message: String(answer['message'] ?? ''), result: answer['result'], callId: result.callId, raw: result.body };
  }
}
