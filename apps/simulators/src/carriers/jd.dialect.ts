import { json } from '../http/simulator-router';
import { isVerifiablePhone, type SimulatedEvent } from './carrier-book';
import { parseJson, type CarrierDialect, type DocumentedCode } from './carrier-dialect';

/** JD Logistics trace states the simulator sends. */
export const JD_CODES: Record<string, DocumentedCode> = {
  '10010': { text: '揽收完成' },
  '10020': { text: '分拣中心发货' },
  '10030': { text: '到达分拣中心' },
  '10040': { text: '到达配送站' },
  '10050': { text: '配送员配送中' },
  '10060': { text: '妥投' },
  '10070': { text: '拒收' },
  '10080': { text: '异常' },
  '10090': { text: '逆向退回中' },
  '10100': { text: '退货完成' },
};

const ok = (data: unknown) => json(200, { code: 0, msg: 'success', data });
const refused = (code: number, msg: string) => json(200, { code, msg, data: null });

/** JD Logistics open platform (LOP): JSON under `/jd/ecap/v1/`, epoch-ms times. */
export const jdDialect: CarrierDialect = {
  source: 'JD',
  lifecycle: [{ code: '10010' }, { code: '10020' }, { code: '10030' }, { code: '10040' }, { code: '10050' }, { code: '10060' }],
  textOf: (code) => JD_CODES[code]?.text ?? code,
  register(router, { book, faults }) {
    router.on('POST', /^\/jd\/ecap\/v1\/(.+)$/, (request) => {
      if (faults.take('JD')) return json(503, { code: 503, msg: 'gateway busy' });
      const body = parseJson(request.body);
      if (request.headers['lop-dn'] !== 'ECAP' || !body) return refused(1000, 'LOP-DN or body missing');
      switch (request.params[0]) {
        case 'phone/verify': {
          const pass = isVerifiablePhone(String(body['mobile'] ?? ''));
          return ok({ pass, reason: pass ? '校验通过' : '手机号不合法' });
        }
        case 'orders/precheck':
          return ok({ deliverable: true });
        case 'orders/create': {
          const ext = (body['extendFields'] as Record<string, unknown> | undefined) ?? {};
          if (ext['consignee_phone_verified'] !== true) return refused(2001, '收件人手机号未校验');
          const receiver = (body['receiverContact'] as Record<string, unknown> | undefined) ?? {};
          const waybill = book.create('JD', String(body['orderId']), String(receiver['mobile'] ?? ''), ext);
          return ok({ waybillCode: waybill.trackingNumber });
        }
        case 'orders/trace/query':
          return ok({ traceDetails: (book.get(String(body['waybillCode']))?.route ?? []).map(jdEvent) });
        default:
          return refused(404, `unknown api ${request.params[0]}`);
      }
    });
  },
  push: (waybill, events) => ({ contentType: 'application/json', body: JSON.stringify({ waybillCode: waybill.trackingNumber, orderCode: waybill.merchantOrderRef, ...jdEvent(events[0]) }) }),
};

function jdEvent(event: SimulatedEvent): Record<string, unknown> {
  return { state: event.code, operationTime: event.at, operationTitle: event.text, operationRemark: `您的快件${event.text}（${event.site}）`, operationSite: event.site };
}
