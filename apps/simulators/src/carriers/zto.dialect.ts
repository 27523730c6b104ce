import { json } from '../http/simulator-router';
import { isVerifiablePhone, type SimulatedEvent } from './carrier-book';
import { beijingIso, beijingLocal, parseJson, type CarrierDialect, type DocumentedCode } from './carrier-dialect';

/** ZTO scanTypes the simulator sends. */
export const ZTO_CODES: Record<string, DocumentedCode> = {
  GOT: { text: '收件' },
  DEPARTURE: { text: '发件' },
  ARRIVAL: { text: '到件' },
  DISPATCH: { text: '派件' },
  STATION_IN: { text: '入驿站' },
  SIGNED: { text: '签收' },
  PROBLEM: { text: '问题件' },
  RETURN: { text: '退件' },
  RETURN_SIGNED: { text: '退件签收' },
};

const ok = (result: unknown) => json(200, { status: true, statusCode: 'SYS000', message: '成功', result });
const refused = (statusCode: string, message: string) => json(200, { status: false, statusCode, message, result: null });

/** ZTO open platform: `POST /zto/<method>` JSON; pushes with local time, queries with ISO-8601 + offset. */
export const ztoDialect: CarrierDialect = {
  source: 'ZTO',
  lifecycle: [{ code: 'GOT' }, { code: 'DEPARTURE' }, { code: 'ARRIVAL' }, { code: 'DISPATCH' }, { code: 'SIGNED' }],
  textOf: (code) => ZTO_CODES[code]?.text ?? code,
  register(router, { book, faults }) {
    router.on('POST', /^\/zto\/([\w.]+)$/, (request) => {
      if (faults.take('ZTO')) return json(503, { status: false, statusCode: 'SYS503', message: 'service unavailable' });
      const body = parseJson(request.body);
      if (!request.headers['x-appkey'] || !request.headers['x-datadigest'] || !body) return refused('S201', '签名或参数缺失');
      switch (request.params[0]) {
        case 'zto.open.verifyReceiverMobile': {
          const valid = isVerifiablePhone(String(body['receiverMobile'] ?? ''));
          return ok({ valid, reason: valid ? 'ok' : '收件人手机号无效' });
        }
        case 'zto.open.precheckOrder':
          return ok({ reachable: true });
        case 'zto.open.createOrder': {
          const ext = (body['extInfo'] as Record<string, unknown> | undefined) ?? {};
          if (ext['consignee_phone_verified'] !== true) return refused('S302', '收件人手机号未校验');
          const receiver = (body['receiveInfo'] as Record<string, unknown> | undefined) ?? {};
          const waybill = book.create('ZTO', String(body['partnerOrderCode']), String(receiver['receiverMobile'] ?? ''), ext);
          return ok({ billCode: waybill.trackingNumber, orderCode: waybill.merchantOrderRef });
        }
        case 'zto.merchant.waybill.track.query': {
          const route = book.get(String(body['billCode']))?.route ?? [];
          return ok(route.map((event) => ({ ...ztoEvent(event), scanDate: beijingIso(event.at) })));
        }
        default:
          return refused('S404', `unknown method ${request.params[0]}`);
      }
    });
  },
  push: (waybill, events) => ({ contentType: 'application/json', body: JSON.stringify({ billCode: waybill.trackingNumber, orderCode: waybill.merchantOrderRef, ...ztoEvent(events[0]) }) }),
};

function ztoEvent(event: SimulatedEvent): Record<string, unknown> {
  return { scanType: event.code, scanTypeName: event.text, scanDate: beijingLocal(event.at), desc: `【${event.site}】${event.text}`, scanSite: { name: event.site, code: '57100' } };
}
