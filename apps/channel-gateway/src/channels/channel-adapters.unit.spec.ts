import { epochMs, recordFixture } from '@oms/contracts/testing';
import type { ChannelOrder } from '@oms/contracts';
import { channelFixture, channelHeaders, editedFixture, type ChannelSegment } from '../testing/channel-webhooks';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { testProviderKeys } from '../testing/test-provider-keys';
import type { ChannelAdaptation } from './channel-adapter';
import { channelAdapters } from './channels.module';

const config = testGatewayConfig(testProviderKeys(), { databaseUrl: 'postgres://unused@127.0.0.1/x', schema: 'unused', kafkaBrokers: 'inprocess' });
const adapters = channelAdapters(config);
const receivedAtMs = Date.parse('2024-06-18T10:30:00.318+08:00');

function adapt(channel: ChannelSegment, body: string, headers = channelHeaders(channel, body, receivedAtMs)): ChannelAdaptation {
  const adapter = adapters.find((candidate) => candidate.pathSegment === channel)!;
  return adapter.adapt({ headers, rawBody: Buffer.from(body), receivedAtMs });
}

const received = (body: string) => ({ receivedAt: receivedAtMs, receivedAtText: '2024-06-18T10:30:00.318+08:00', rawPayload: body });

const expected: Record<ChannelSegment, Omit<ChannelOrder, 'receivedAt' | 'receivedAtText' | 'rawPayload'>> = {
  miniprogram: recordFixture('ChannelOrder'),
  shopify: {
    channel: 'SHOPIFY', channelOrderId: '5912345678901', channelOrderName: '#1042', shopId: 'qingye-tea.myshopify.com', channelStatus: 'paid', outTradeNo: null,
    customerId: '7012345678901', customerNickname: null, recipientName: '王小明', recipientPhone: '+86 138 0013 8000',
    shippingAddress: { countryCode: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文一西路 588 号 3 幢 1202 室', postalCode: '310012' },
    invoice: { titleType: 'COMPANY', title: '杭州青叶贸易有限公司', taxpayerId: '91330106MA2B1C3D4E', email: 'finance@qingye.example.cn' },
    lines: [
      { lineId: '13012345678901', sku: 'TEA-LJ-250G', channelSkuId: '45123456789012', title: '明前西湖龙井 250g 罐装', quantity: 2, unitPrice: 12_800, discountAmount: 1_736, paidAmount: 23_864 },
      { lineId: '13012345678902', sku: 'CUP-GLASS-01', channelSkuId: '45123456789013', title: '双层玻璃茶杯 300ml', quantity: 1, unitPrice: 3_900, discountAmount: 264, paidAmount: 3_636 },
    ],
    currency: 'CNY', itemsTotal: 29_500, discountTotal: 2_000, shippingFee: 0, payableTotal: 27_500,
    promotions: [{ promotionId: 'TEA618', kind: 'DISCOUNT_CODE', name: 'TEA618', discountAmount: 2_000, fundedBy: 'MERCHANT' }],
    attribution: {
      trafficSource: 'web', campaignId: null, contentId: null, creatorId: null, utmSource: 'xiaohongshu', utmMedium: 'social', utmCampaign: '618_tea',
      referringSite: 'https://www.xiaohongshu.com/explore/6651f0a2000000001e03b7c4', landingSite: '/products/mingqian-longjing?utm_source=xiaohongshu&utm_medium=social&utm_campaign=618_tea',
    },
    createdBy: { actorId: '7012345678901', role: 'CUSTOMER', displayName: null },
    createdAt: epochMs('2024-06-18T10:30:00+08:00'), createdAtText: '2024-06-18T10:30:00+08:00',
    channelPaidAt: epochMs('2024-06-18T10:31:02+08:00'), channelPaidAtText: '2024-06-18T10:31:02+08:00',
    buyerMessage: '请用礼盒包装，谢谢',
  },
  douyin: {
    channel: 'DOUYIN', channelOrderId: '6919580830562785614', channelOrderName: null, shopId: '4463798', channelStatus: '2', outTradeNo: null,
    customerId: '1@#Qm9ZbXlJZFFQdU5aUmJwR0pqWk1OQT09', customerNickname: null, recipientName: '王*明', recipientPhone: '138****8000',
    shippingAddress: { countryCode: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', street: '文新街道', detail: '文一西路588号3幢1202室', postalCode: null },
    invoice: null,
    lines: [
      { lineId: '6919580830562785615', sku: 'TEA-LJ-250G', channelSkuId: '1733512345678901', title: '明前西湖龙井 250g 罐装', quantity: 2, unitPrice: 12_800, discountAmount: 1_500, paidAmount: 24_100 },
      { lineId: '6919580830562785616', sku: 'CUP-GLASS-01', channelSkuId: '1733512345678902', title: '双层玻璃茶杯 300ml', quantity: 1, unitPrice: 3_900, discountAmount: 500, paidAmount: 3_400 },
    ],
    currency: 'CNY', itemsTotal: 29_500, discountTotal: 2_000, shippingFee: 0, payableTotal: 27_500,
    promotions: [{ promotionId: '7381234567890', kind: 'COUPON', name: '618 满 200 减 20', discountAmount: 2_000, fundedBy: 'MERCHANT' }],
    attribution: { trafficSource: 'LIVE', campaignId: null, contentId: '7380011223344556677', creatorId: '68123456789', utmSource: null, utmMedium: null, utmCampaign: null, referringSite: null, landingSite: null },
    createdBy: { actorId: '1@#Qm9ZbXlJZFFQdU5aUmJwR0pqWk1OQT09', role: 'CUSTOMER', displayName: null },
    createdAt: epochMs('2024-06-18T10:30:00+08:00'), createdAtText: '2024-06-18T10:30:00+08:00',
    channelPaidAt: epochMs('2024-06-18T10:31:02+08:00'), channelPaidAtText: '2024-06-18T10:31:02+08:00',
    buyerMessage: '请用礼盒包装，谢谢',
  },
  pinduoduo: {
    channel: 'PINDUODUO', channelOrderId: '240618-350194876522131', channelOrderName: null, shopId: '512345678', channelStatus: '1', outTradeNo: null,
    customerId: 'pdd-buyer:240618-350194876522131', customerNickname: null, recipientName: '王**', recipientPhone: '138****8000',
    shippingAddress: { countryCode: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文一西路588号3幢1202室', postalCode: null },
    invoice: null,
    lines: [
      { lineId: '1', sku: 'TEA-LJ-250G', channelSkuId: '1234500000001', title: '明前西湖龙井 250g 罐装', quantity: 2, unitPrice: 12_800, discountAmount: 0, paidAmount: 25_600 },
      { lineId: '2', sku: 'CUP-GLASS-01', channelSkuId: '1234500000002', title: '双层玻璃茶杯 300ml', quantity: 1, unitPrice: 3_900, discountAmount: 0, paidAmount: 3_900 },
    ],
    currency: 'CNY', itemsTotal: 29_500, discountTotal: 2_000, shippingFee: 0, payableTotal: 27_500,
    promotions: [{ promotionId: 'MERCHANT_COUPON_9981234', kind: 'COUPON', name: '店铺券 满 200 减 20', discountAmount: 2_000, fundedBy: 'MERCHANT' }],
    attribution: null,
    createdBy: { actorId: 'pdd-buyer:240618-350194876522131', role: 'CUSTOMER', displayName: null },
    createdAt: epochMs('2024-06-18T10:30:00+08:00'), createdAtText: '2024-06-18T10:30:00+08:00',
    channelPaidAt: epochMs('2024-06-18T10:31:02+08:00'), channelPaidAtText: '2024-06-18T10:31:02+08:00',
    buyerMessage: '请用礼盒包装，谢谢',
  },
};

const channels: ChannelSegment[] = ['shopify', 'douyin', 'pinduoduo', 'miniprogram'];

describe.each(channels)('%s adapter', (channel) => {
  it('maps its fixture exactly', () => {
    const body = channelFixture(channel);
    expect(adapt(channel, body)).toEqual({ kind: 'order', order: { ...expected[channel], ...received(body) } });
  });

  it('refuses a body changed after signing, and a missing signature', () => {
    const body = channelFixture(channel);
    expect(adapt(channel, body.replace('TEA-LJ-250G', 'TEA-LJ-500G'), channelHeaders(channel, body, receivedAtMs)).kind).toBe('unauthorized');
    const unsigned = Object.fromEntries(Object.entries(channelHeaders(channel, body, receivedAtMs)).filter(([name]) => /^content-type$|mall-id|topic|domain|timestamp/.test(name)));
    expect(adapt(channel, body, unsigned).kind).toBe('unauthorized');
  });

  it('refuses a signed body that is not JSON, naming the body', () => {
    expect(adapt(channel, '{"truncated": ')).toEqual({ kind: 'invalid', problems: ['body: expected a JSON object'] });
  });
});

describe('invalid payloads list every offending field', () => {
  it('shopify: missing SKU, zero quantity, bad price text, totals that do not add up', () => {
    const body = editedFixture('shopify', (order) => {
      const [first, second] = order['line_items'] as Array<Record<string, unknown>>;
      first['sku'] = null;
      first['quantity'] = 0;
      second['price'] = '39,00';
      order['total_price'] = '999.00';
    });
    expect(adapt('shopify', body)).toEqual({
      kind: 'invalid',
      problems: ['line_items[0].quantity: expected an integer ≥ 1', 'line_items[0].sku: expected a non-empty string', 'line_items[1].price: expected a decimal amount text such as "128.00"'],
    });
    const totals = editedFixture('shopify', (order) => void (order['total_price'] = '999.00'));
    expect(adapt('shopify', totals)).toEqual({ kind: 'invalid', problems: ['total_price: states 99900 but items 29500 − discounts 2000 + shipping 0 = 27500 (minor units)'] });
  });

  it('douyin: no lines, a creation time that is not Unix seconds', () => {
    const body = editedFixture('douyin', (payload) => {
      const order = payload['shop_order_detail'] as Record<string, unknown>;
      order['sku_order_list'] = [];
      order['create_time'] = '2024-06-18 10:30:00';
    });
    expect(adapt('douyin', body)).toEqual({ kind: 'invalid', problems: ['shop_order_detail.sku_order_list: expected an array of at least 1 item(s)', 'shop_order_detail.create_time: expected Unix seconds'] });
  });

  it('pinduoduo: a price with three decimals, a time with an offset', () => {
    const body = editedFixture('pinduoduo', (payload) => {
      const order = (payload['order_info_get_response'] as Record<string, Record<string, unknown>>)['order_info'];
      (order['item_list'] as Array<Record<string, unknown>>)[0]['goods_price'] = 128.005;
      order['created_time'] = '2024-06-18T10:30:00+08:00';
    });
    expect(adapt('pinduoduo', body)).toEqual({
      kind: 'invalid',
      problems: ['order_info_get_response.order_info.item_list[0].goods_price: expected a yuan amount with at most two decimals', 'order_info_get_response.order_info.created_time: expected yyyy-MM-dd HH:mm:ss (Beijing time)'],
    });
  });

  it('miniprogram: no consignee phone, a company invoice without tax number, an unknown funder', () => {
    const body = editedFixture('miniprogram', (order) => {
      delete (order['consignee'] as Record<string, unknown>)['phone'];
      delete (order['invoice'] as Record<string, unknown>)['tax_no'];
      (order['coupons'] as Array<Record<string, unknown>>)[0]['funded_by'] = 'BANK';
    });
    expect(adapt('miniprogram', body)).toEqual({
      kind: 'invalid',
      problems: ['coupons[0].funded_by: expected one of MERCHANT, PLATFORM, CREATOR', 'consignee.phone: expected a non-empty string', 'invoice.tax_no: expected a non-empty string'],
    });
  });

  it('miniprogram: a stale timestamp is refused as unauthorized even with a valid signature', () => {
    const body = channelFixture('miniprogram');
    expect(adapt('miniprogram', body, channelHeaders('miniprogram', body, receivedAtMs - 300_000)).kind).toBe('unauthorized');
  });
});
