import type { Actor, Address, OrderLine, StockLine } from '../generated';

// One coherent story across every fixture: a WeChat mini-program order for two SKUs, paid with
// WeChat Pay, reserved in a Hangzhou warehouse, shipped with SF Express. Amounts are fen (CNY).

/** Epoch milliseconds of an ISO-8601 text, so each `…At` and `…AtText` pair of a fixture agree. */
export function epochMs(isoText: string): number {
  const value = Date.parse(isoText);
  if (Number.isNaN(value)) throw new RangeError(`Not an ISO-8601 instant: ${isoText}`);
  return value;
}

/** Ids shared by the fixtures. */
export const fixtureIds = {
  orderId: 'ord_20240618_000123',
  channelOrderId: 'MP20240618103000017',
  shopId: 'mp-shop-hz-001',
  customerId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  outTradeNo: '20240618103000017001',
  transactionId: '4200002214202406181234567890',
  notificationId: 'EV-2024061810310500123',
  outRefundNo: 'RF20240618000123',
  refundId: '50300908092024061800012345',
  reservationId: 'rsv_20240618_000123_1',
  dispatchPlanId: 'dp_20240618_000123',
  warehouseId: 'WH-HZ-01',
  trackingNumber: 'SF1428390261782',
  merchantId: '1900000109',
  appId: 'wxd678efh567hg6787',
} as const;

/** ISO-8601 instants of the story, with their offsets. */
export const fixtureTimes = {
  created: '2024-06-18T10:30:00.000+08:00',
  received: '2024-06-18T10:30:00.318+08:00',
  paid: '2024-06-18T10:31:02+08:00',
  notified: '2024-06-18T10:31:05+08:00',
  notificationReceived: '2024-06-18T10:31:05.127+08:00',
  confirmed: '2024-06-18T10:31:05.486+08:00',
  reserved: '2024-06-18T10:31:06.210+08:00',
  invoiced: '2024-06-18T10:32:40+08:00',
  planned: '2024-06-18T10:32:41.050+08:00',
  shipped: '2024-06-18T16:05:12+08:00',
  delivered: '2024-06-19T14:22:37+08:00',
} as const;

/** The delivery address. */
export const fixtureAddress: Address = {
  countryCode: 'CN',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  street: '文新街道',
  detail: '文一西路 588 号 3 幢 1202 室',
  postalCode: '310012',
};

/** Two lines: 2 × West Lake Longjing tea with a coupon share, 1 × glass cup. */
export const fixtureLines: OrderLine[] = [
  {
    lineId: 'L1',
    sku: 'TEA-LJ-250G',
    channelSkuId: 'sku_8812001',
    title: '明前西湖龙井 250g 罐装',
    quantity: 2,
    unitPrice: 12_800,
    discountAmount: 1_500,
    paidAmount: 24_100,
  },
  {
    lineId: 'L2',
    sku: 'CUP-GLASS-01',
    channelSkuId: null,
    title: '双层玻璃茶杯 300ml',
    quantity: 1,
    unitPrice: 3_900,
    discountAmount: 500,
    paidAmount: 3_400,
  },
];

/** The order's lines as stock to reserve, in the fixture warehouse. */
export const fixtureStockLines: StockLine[] = fixtureLines.map(({ lineId, sku, quantity }) => ({
  lineId,
  sku,
  quantity,
  warehouseId: fixtureIds.warehouseId,
}));

/** The buyer, who created the order. */
export const fixtureBuyer: Actor = { actorId: fixtureIds.customerId, role: 'CUSTOMER', displayName: '茶友小王' };

/** order-service acting on its own (compensation, timeouts). */
export const fixtureSystem: Actor = { actorId: 'order-service', role: 'SYSTEM', displayName: null };
