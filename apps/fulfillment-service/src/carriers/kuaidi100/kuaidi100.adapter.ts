import { createHash } from 'node:crypto';
import type { CarrierCode } from '@oms/contracts';
import type { StatusDictionary } from '@oms/fulfillment-domain';
import type { RecordedHttpClient } from '../../calls/recorded-http.client';
import { MalformedPushError, type CarrierAdapter, type ParsedTrack, type PhoneVerification, type PushAcknowledgement, type WaybillAnswer, type WaybillRequest } from '../carrier-adapter';
import { answerJson, formPost } from '../carrier-http';
import { PayloadReader } from '../payload-reader';
import dictionary from '../dictionaries/kuaidi100.status-dictionary.json';
import { KUAIDI100_COMPANIES, kuaidi100Company } from './kuaidi100-companies';

/**
 * Kuaidi100 (快递100), the aggregator, modelled on its API: form posts with `customer`, `sign` =
 * MD5(param + key + customer) upper-case, and a JSON `param`. The poll query and the subscription
 * push return the whole route newest first (`data[]` with `time` in Beijing local time without
 * offset, `status` wording and `statusCode`, the finer second level of `state`). YTO, STO, Yunda,
 * J&T and EMS shipments go through it.
 */
export class Kuaidi100Adapter implements CarrierAdapter {
  readonly source = 'KUAIDI100' as const;
  readonly carriers: readonly CarrierCode[] = ['YTO', 'STO', 'YUNDA', 'JTEXPRESS', 'EMS'];
  readonly dictionary = dictionary as StatusDictionary;

  constructor(
    private readonly http: RecordedHttpClient,
    private readonly baseUrl: string,
    private readonly customer = 'OMS-KD100-CUSTOMER',
    private readonly key = 'oms-kd100-key',
  ) {}

  async verifyPhone(request: WaybillRequest): Promise<PhoneVerification> {
    const answer = await this.post('phone/verify', 'verify-phone', { phone: request.consignee.phone, name: request.consignee.name, kuaidicom: kuaidi100Company(request.carrier) }, request.orderId, null);
    return { verified: answer['result'] === true && answer['valid'] === true, detail: String(answer['reason'] ?? answer['message'] ?? ''), rawResponse: JSON.stringify(answer), callId: String(answer['callId']) };
  }

  async requestWaybill(request: WaybillRequest, dryRun: boolean): Promise<WaybillAnswer> {
    const { address } = request.consignee;
    const param = {
      kuaidicom: kuaidi100Company(request.carrier),
      orderId: request.merchantOrderRef,
      recMan: { name: request.consignee.name, mobile: request.consignee.phone, printAddr: `${address.province}${address.city}${address.district}${address.detail}` },
      weight: request.extended.declared_weight_grams / 1000,
      ext: request.extended,
      method: dryRun ? 'check' : 'order',
    };
    const answer = await this.post('label/order', dryRun ? 'dry-run-waybill' : 'create-waybill', param, request.orderId, null);
    const callId = String(answer['callId']);
    if (answer['success'] !== true) return { accepted: false, trackingNumber: null, detail: `Kuaidi100 ${String(answer['code'])}: ${String(answer['message'] ?? '')}`, callId };
    const kuaidinum = (answer['data'] as Record<string, unknown> | undefined)?.['kuaidinum'];
    return { accepted: true, trackingNumber: dryRun || typeof kuaidinum !== 'string' ? null : kuaidinum, detail: dryRun ? 'Kuaidi100 label check passed' : 'Kuaidi100 label ordered', callId };
  }

  async queryRoute(trackingNumber: string, carrier: CarrierCode, orderId: string | null): Promise<ParsedTrack[]> {
    const answer = await this.post('poll/query.do', 'query-route', { com: kuaidi100Company(carrier), num: trackingNumber, resultv2: '4' }, orderId, trackingNumber);
    if (answer['message'] !== 'ok' || !Array.isArray(answer['data'])) return [];
    return this.tracks(new PayloadReader('KUAIDI100', answer));
  }

  parsePush(body: string): ParsedTrack[] {
    const param = new URLSearchParams(body).get('param');
    if (!param) throw new MalformedPushError('KUAIDI100', 'form field param is missing');
    return this.tracks(PayloadReader.parse('KUAIDI100', param).object('lastResult'));
  }

  acknowledge(accepted: boolean, reason = ''): PushAcknowledgement {
    return accepted ? { status: 200, body: { result: true, returnCode: '200', message: '成功' } } : { status: 400, body: { result: false, returnCode: '500', message: reason } };
  }

  /** A route (newest first, as Kuaidi100 sends it) as tracks oldest first. */
  private tracks(result: PayloadReader): ParsedTrack[] {
    const company = result.text('com');
    const carrier = KUAIDI100_COMPANIES[company];
    if (!carrier) throw new MalformedPushError('KUAIDI100', `company ${company} is not one we ship with`);
    const trackingNumber = result.text('nu');
    return result.array('data').reverse().map((entry) => ({
      source: 'KUAIDI100' as const,
      carrier,
      trackingNumber,
      // The second level when Kuaidi100 gives it, else the state the whole route is in.
      carrierStatusCode: entry.optionalText('statusCode') ?? result.text('state'),
      carrierStatusText: entry.optionalText('status') ?? '',
      description: entry.text('context'),
      location: entry.optionalText('areaName'),
      facts: {},
      occurredAt: entry.time('time'),
      merchantOrderRef: null,
      rawPayload: entry.raw(),
    }));
  }

  private async post(path: string, operation: string, param: unknown, orderId: string | null, trackingNumber: string | null): Promise<Record<string, unknown>> {
    const text = JSON.stringify(param);
    const sign = createHash('md5').update(text + this.key + this.customer).digest('hex').toUpperCase();
    const result = await this.http.call(formPost('KUAIDI100', operation, `${this.baseUrl}/kuaidi100/${path}`, { customer: this.customer, sign, param: text }, { orderId, trackingNumber }));
    return { ...answerJson(result.body), callId: result.callId };
  }
}
