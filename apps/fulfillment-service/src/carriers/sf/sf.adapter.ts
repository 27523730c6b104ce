import { createHash, randomUUID } from 'node:crypto';
import type { CarrierCode } from '@oms/contracts';
import type { StatusDictionary } from '@oms/fulfillment-domain';
import type { RecordedHttpClient } from '../../calls/recorded-http.client';
import { MalformedPushError, type CarrierAdapter, type ParsedTrack, type PhoneVerification, type PushAcknowledgement, type WaybillAnswer, type WaybillRef, type WaybillRequest } from '../carrier-adapter';
import type { ExternalCall } from '../../calls/external-call';
import { answerJson, formPost } from '../carrier-http';
import { PayloadReader } from '../payload-reader';
import dictionary from '../dictionaries/sf.status-dictionary.json';

/** Waybills one EXP_RECE_SEARCH_ROUTES request may ask for. */
const SF_ROUTE_QUERY_LIMIT = 10;

/** SF partner credentials (丰桥 partnerID and check word). */
export interface SfCredentials {
  partnerId: string;
  checkWord: string;
}

/**
 * SF Express, modelled on the 丰桥 (SF open platform) API: one endpoint `/std/service` taking a
 * form with `serviceCode` and a JSON `msgData`, signed by `msgDigest` = base64(md5(msgData +
 * timestamp + checkWord)); answers `apiResultCode` A1000 with a JSON string `apiResultData`.
 * Times are `yyyy-MM-dd HH:mm:ss` Beijing time without offset. Route pushes
 * (`Body.WaybillRoute[]`) carry `opCode`, reused for hub and outlet arrivals — `nodeType` decides.
 */
export class SfAdapter implements CarrierAdapter {
  readonly source = 'SF' as const;
  readonly carriers: readonly CarrierCode[] = ['SF'];
  readonly dictionary = dictionary as StatusDictionary;

  constructor(
    private readonly http: RecordedHttpClient,
    private readonly baseUrl: string,
    private readonly credentials: SfCredentials = { partnerId: 'OMS_PARTNER', checkWord: 'oms-sandbox-checkword' },
  ) {}

  async verifyPhone(request: WaybillRequest): Promise<PhoneVerification> {
    const { data, callId, raw } = await this.service('EXP_RECE_VALIDATE_PHONE', 'verify-phone', { contact: request.consignee.name, mobile: request.consignee.phone, orderId: request.merchantOrderRef }, request.orderId, null);
    return { verified: data?.['validated'] === true, detail: String(data?.['reason'] ?? (data ? 'validated' : 'no answer data')), rawResponse: raw, callId };
  }

  async requestWaybill(request: WaybillRequest, dryRun: boolean): Promise<WaybillAnswer> {
    const { address } = request.consignee;
    const msgData = {
      orderId: request.merchantOrderRef,
      language: 'zh-CN',
      monthlyCard: '7551234567',
      contactInfoList: [{ contactType: 2, contact: request.consignee.name, mobile: request.consignee.phone, country: address.countryCode, province: address.province, city: address.city, county: address.district, address: address.detail }],
      cargoDetails: [{ name: request.extended.sub_order_id, weight: request.extended.declared_weight_grams / 1000 }],
      extraInfoList: Object.entries(request.extended).map(([attrName, attrVal]) => ({ attrName, attrVal: String(attrVal) })),
    };
    const { success, data, error, callId } = await this.service(dryRun ? 'EXP_RECE_PRE_ORDER' : 'EXP_RECE_CREATE_ORDER', dryRun ? 'dry-run-waybill' : 'create-waybill', msgData, request.orderId, null);
    if (!success) return { accepted: false, trackingNumber: null, detail: error, callId };
    const waybills = (data?.['waybillNoInfoList'] as Array<{ waybillNo?: string }> | undefined) ?? [];
    return { accepted: true, trackingNumber: dryRun ? null : (waybills[0]?.waybillNo ?? null), detail: dryRun ? 'SF pre-order accepted' : 'SF order created', callId };
  }

  async queryRoute(trackingNumber: string, _carrier: CarrierCode, orderId: string | null): Promise<ParsedTrack[]> {
    const { data } = await this.service('EXP_RECE_SEARCH_ROUTES', 'query-route', { trackingType: 1, trackingNumber: [trackingNumber], methodType: 1 }, orderId, trackingNumber);
    return this.routesOf(data).get(trackingNumber) ?? [];
  }

  /** EXP_RECE_SEARCH_ROUTES takes up to ten waybills per request (丰桥 route query): one call per ten. */
  async queryRoutes(waybills: WaybillRef[]): Promise<Map<string, ParsedTrack[]>> {
    const calls: WaybillRef[][] = [];
    for (let start = 0; start < waybills.length; start += SF_ROUTE_QUERY_LIMIT) calls.push(waybills.slice(start, start + SF_ROUTE_QUERY_LIMIT));
    // A request that failed through every recorded attempt leaves its waybills out of the answer.
    const answers = await Promise.allSettled(calls.map(async (group) => {
      const trackingNumbers = group.map((waybill) => waybill.trackingNumber);
      const refs = { orderIds: [...new Set(group.flatMap((waybill) => waybill.orderIds))], trackingNumbers };
      const single = group.length === 1 ? group[0] : undefined;
      // A call for one waybill also fills the single-valued columns, as queryRoute does.
      const { data } = await this.service('EXP_RECE_SEARCH_ROUTES', 'query-route', { trackingType: 1, trackingNumber: trackingNumbers, methodType: 1 }, single?.orderIds[0] ?? null, single?.trackingNumber ?? null, refs);
      return this.routesOf(data);
    }));
    return new Map(answers.flatMap((answer) => (answer.status === 'fulfilled' ? [...answer.value] : [])));
  }

  private routesOf(data: Record<string, unknown> | undefined): Map<string, ParsedTrack[]> {
    const resps = (data?.['routeResps'] as unknown[] | undefined) ?? [];
    return new Map(resps.map((resp) => {
      const reader = new PayloadReader('SF', resp as Record<string, unknown>);
      const mailNo = reader.text('mailNo');
      return [mailNo, reader.array('routes').map((route) => this.track(route, mailNo))];
    }));
  }

  parsePush(body: string): ParsedTrack[] {
    const routes = PayloadReader.parse('SF', body).object('Body').array('WaybillRoute');
    if (routes.length === 0) throw new MalformedPushError('SF', 'WaybillRoute is empty');
    return routes.map((route) => this.track(route, route.text('mailno')));
  }

  acknowledge(accepted: boolean, reason = ''): PushAcknowledgement {
    return accepted ? { status: 200, body: { return_code: '0000', return_msg: '成功' } } : { status: 400, body: { return_code: '1000', return_msg: reason } };
  }

  private track(route: PayloadReader, trackingNumber: string): ParsedTrack {
    const remark = route.text('remark');
    return {
      source: 'SF',
      carrier: 'SF',
      trackingNumber,
      carrierStatusCode: route.text('opCode'),
      carrierStatusText: remark,
      description: remark,
      location: route.optionalText('acceptAddress'),
      facts: { nodeType: route.optionalText('nodeType') ?? undefined },
      occurredAt: route.time('acceptTime'),
      merchantOrderRef: route.optionalText('orderid'),
      rawPayload: route.raw(),
    };
  }

  private async service(serviceCode: string, operation: string, msgData: unknown, orderId: string | null, trackingNumber: string | null, many: Pick<ExternalCall, 'orderIds' | 'trackingNumbers'> = {}) {
    const text = JSON.stringify(msgData);
    const timestamp = String(Date.now());
    const msgDigest = createHash('md5').update(text + timestamp + this.credentials.checkWord).digest('base64');
    const fields = { partnerID: this.credentials.partnerId, requestID: randomUUID(), serviceCode, timestamp, msgDigest, msgData: text };
    const result = await this.http.call(formPost('SF', operation, `${this.baseUrl}/sf/std/service`, fields, { orderId, trackingNumber, ...many }));
    const envelope = answerJson(result.body);
    const inner = typeof envelope['apiResultData'] === 'string' ? answerJson(envelope['apiResultData']) : {};
    const success = envelope['apiResultCode'] === 'A1000' && inner['success'] === true;
    const error = success ? '' : `SF ${String(envelope['apiResultCode'] ?? result.status)} ${String(inner['errorCode'] ?? '')} ${String(inner['errorMsg'] ?? envelope['apiErrorMsg'] ?? '')}`.trim();
    return { success, data: inner['msgData'] as Record<string, unknown> | undefined, error, callId: result.callId, raw: result.body };
  }
}
