import { json } from '../http/simulator-router';
import { isVerifiablePhone, type SimulatedEvent, type SimulatedWaybill } from './carrier-book';
import { beijingLocal, parseJson, type CarrierDialect, type DocumentedCode } from './carrier-dialect';

/** Kuaidi100 statusCodes (second level) the simulator sends, with the state (first level) each belongs to. */
export const KUAIDI100_CODES: Record<string, DocumentedCode & { state: string }> = {
  '101': { text: '已下单', state: '1' },
  '103': { text: '已揽收', state: '1' },
  '1002': { text: '干线', state: '0' },
  '1003': { text: '转递', state: '0' },
  '1001': { text: '到达派件城市', state: '0' },
  '5': { text: '派件', state: '5' },
  '501': { text: '投柜或驿站', state: '5' },
  '301': { text: '本人签收', state: '3' },
  '304': { text: '投柜或站签收', state: '3' },
  '203': { text: '拒收', state: '2' },
  '208': { text: '滞留', state: '2' },
  '6': { text: '退回', state: '6' },
  '4': { text: '退签', state: '4' },
};

/** Kuaidi100: form posts with a JSON `param`; routes newest first; local times without offset. */
export const kuaidi100Dialect: CarrierDialect = {
  source: 'KUAIDI100',
  lifecycle: [{ code: '103' }, { code: '1002' }, { code: '1001' }, { code: '5' }, { code: '301' }],
  textOf: (code) => KUAIDI100_CODES[code]?.text ?? code,
  register(router, { book, faults }) {
    router.on('POST', /^\/kuaidi100\/(.+)$/, (request) => {
      if (faults.take('KUAIDI100')) return json(503, { result: false, returnCode: '503', message: '服务繁忙' });
      const form = new URLSearchParams(request.body);
      const param = parseJson(form.get('param'));
      if (!form.get('customer') || !form.get('sign') || !param) return json(200, { result: false, returnCode: '400', message: '参数不完整' });
      switch (request.params[0]) {
        case 'phone/verify': {
          const valid = isVerifiablePhone(String(param['phone'] ?? ''));
          return json(200, { result: true, valid, reason: valid ? 'ok' : '手机号无效' });
        }
        case 'label/order': {
          if (param['method'] === 'check') return json(200, { success: true, code: 200, message: 'ok', data: null });
          const ext = (param['ext'] as Record<string, unknown> | undefined) ?? {};
          if (ext['consignee_phone_verified'] !== true) return json(200, { success: false, code: 30002, message: '收件人手机号未校验' });
          const recMan = (param['recMan'] as Record<string, unknown> | undefined) ?? {};
          const waybill = book.create('KUAIDI100', String(param['orderId']), String(recMan['mobile'] ?? ''), ext, String(param['kuaidicom']));
          return json(200, { success: true, code: 200, message: 'ok', data: { kuaidinum: waybill.trackingNumber, kuaidicom: waybill.company } });
        }
        case 'poll/query.do': {
          const waybill = book.get(String(param['num']));
          if (!waybill) return json(200, { result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
          return json(200, { message: 'ok', status: '200', ...lastResult(waybill, waybill.route) });
        }
        default:
          return json(404, { result: false, returnCode: '404', message: `unknown ${request.params[0]}` });
      }
    });
  },
  // Kuaidi100 pushes the whole route known so far, newest first.
  push: (waybill) => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ param: JSON.stringify({ status: 'polling', billstatus: 'check', message: '', lastResult: { message: 'ok', ...lastResult(waybill, waybill.route) } }) }).toString() }),
};

function lastResult(waybill: SimulatedWaybill, route: SimulatedEvent[]): Record<string, unknown> {
  const newestFirst = [...route].reverse();
  const state = newestFirst[0] ? (KUAIDI100_CODES[newestFirst[0].code]?.state ?? '0') : '0';
  return {
    state,
    ischeck: state === '3' ? '1' : '0',
    com: waybill.company ?? 'yuantong',
    nu: waybill.trackingNumber,
    data: newestFirst.map((event) => ({ time: beijingLocal(event.at), ftime: beijingLocal(event.at), context: `[${event.site}] ${event.text}`, status: event.text, statusCode: event.code, areaName: event.site })),
  };
}
