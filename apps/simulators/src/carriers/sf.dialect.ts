import { json, type SimulatorResponse } from '../http/simulator-router';
import { isVerifiablePhone, type SimulatedEvent, type SimulatedWaybill } from './carrier-book';
import { beijingLocal, parseJson, type CarrierDialect, type DocumentedCode } from './carrier-dialect';

/** SF opCodes the simulator sends (丰桥 route push); 30 and 31 are reused for hub and outlet. */
export const SF_CODES: Record<string, DocumentedCode> = {
  '50': { text: '顺丰已收取快件' },
  '54': { text: '上门收件' },
  '607': { text: '代理收件' },
  '30': { text: '快件已分拣，准备发往下一站' },
  '31': { text: '快件到达' },
  '36': { text: '快件已发车' },
  '44': { text: '正在派送途中' },
  '204': { text: '快件交给快递员派送' },
  '70': { text: '派送不成功' },
  '33': { text: '派件异常' },
  '80': { text: '已签收' },
  '8000': { text: '签收完成' },
  '99': { text: '退回中' },
  '648': { text: '已退回寄件人' },
};

function sfAnswer(success: boolean, msgData: unknown, errorCode = 'S0000', errorMsg: string | null = null): SimulatorResponse {
  return json(200, { apiErrorMsg: '', apiResponseID: `SIM${Date.now()}`, apiResultCode: 'A1000', apiResultData: JSON.stringify({ success, errorCode, errorMsg, msgData }) });
}

function extraInfo(msgData: Record<string, unknown>): Record<string, string> {
  const list = Array.isArray(msgData['extraInfoList']) ? (msgData['extraInfoList'] as Array<{ attrName?: string; attrVal?: string }>) : [];
  return Object.fromEntries(list.map((item) => [item.attrName ?? '', item.attrVal ?? '']));
}

/** SF Express 丰桥: one form endpoint, `serviceCode` + JSON `msgData`, local times without offset. */
export const sfDialect: CarrierDialect = {
  source: 'SF',
  lifecycle: [{ code: '50' }, { code: '30', nodeType: 'TRANSIT_HUB' }, { code: '31', nodeType: 'TRANSIT_HUB' }, { code: '31', nodeType: 'OUTLET' }, { code: '44' }, { code: '80' }],
  textOf: (code) => SF_CODES[code]?.text ?? `opCode ${code}`,
  register(router, { book, faults, areas }) {
    router.on('POST', /^\/sf\/std\/service$/, (request) => {
      if (faults.take('SF')) return json(503, { apiResultCode: 'A1099', apiErrorMsg: '系统繁忙' });
      const form = new URLSearchParams(request.body);
      const msgData = parseJson(form.get('msgData'));
      if (!form.get('partnerID') || !form.get('msgDigest') || !msgData) return json(200, { apiResultCode: 'A1001', apiErrorMsg: '必传参数不可为空' });
      switch (form.get('serviceCode')) {
        case 'EXP_RECE_VALIDATE_PHONE': {
          const valid = isVerifiablePhone(String(msgData['mobile'] ?? ''));
          return sfAnswer(true, { validated: valid, reason: valid ? '手机号校验通过' : '收件人手机号无效或为隐私号' });
        }
        case 'EXP_RECE_PRE_ORDER':
        case 'EXP_RECE_CREATE_ORDER': {
          const contact = (msgData['contactInfoList'] as Array<Record<string, unknown>> | undefined)?.[0];
          if (!contact?.['address']) return sfAnswer(false, null, '8013', '收件地址不能为空');
          // Coverage is checked on the dry run (预下单) as on the order; 8124 is the simulator's code.
          const outside = areas.outsideOf('SF', { province: contact['province'], city: contact['city'], district: contact['county'] });
          if (outside) return sfAnswer(false, null, '8124', `目的地${outside}不在收派范围（超区）`);
          if (form.get('serviceCode') === 'EXP_RECE_PRE_ORDER') return sfAnswer(true, { filterResult: 2, remark: '可收派' });
          const extra = extraInfo(msgData);
          if (extra['consignee_phone_verified'] !== 'true') return sfAnswer(false, null, '8114', '收件人电话未校验');
          const waybill = book.create('SF', String(msgData['orderId']), String(contact['mobile'] ?? ''), extra);
          return sfAnswer(true, { orderId: waybill.merchantOrderRef, waybillNoInfoList: [{ waybillType: 1, waybillNo: waybill.trackingNumber }] });
        }
        case 'EXP_RECE_SEARCH_ROUTES': {
          const numbers = (msgData['trackingNumber'] as string[] | undefined) ?? [];
          const routeResps = numbers.map((mailNo) => ({ mailNo, routes: (book.get(mailNo)?.route ?? []).map((event) => sfRoute(book.get(mailNo) as SimulatedWaybill, event)) }));
          return sfAnswer(true, { routeResps });
        }
        default:
          return json(200, { apiResultCode: 'A1004', apiErrorMsg: `无对应服务权限 ${form.get('serviceCode')}` });
      }
    });
  },
  push: (waybill, events) => ({ contentType: 'application/json', body: JSON.stringify({ Body: { WaybillRoute: events.map((event) => ({ id: `${waybill.trackingNumber}-${event.at}`, mailno: waybill.trackingNumber, orderid: waybill.merchantOrderRef, ...sfRoute(waybill, event) })) } }) }),
};

function sfRoute(_waybill: SimulatedWaybill, event: SimulatedEvent): Record<string, unknown> {
  return { acceptTime: beijingLocal(event.at), acceptAddress: event.site, remark: event.text, opCode: event.code, ...(event.nodeType ? { nodeType: event.nodeType } : {}) };
}
