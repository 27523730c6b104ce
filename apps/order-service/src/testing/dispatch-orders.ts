import type { OrderLine } from '@oms/contracts';
import { formatIsoDateTime } from '@oms/order-domain';
import { orderRecords, type OrderRecords } from './ingress-records';

/** What a dispatch test says about an order; the rest is the contract fixture's. */
export interface DispatchOrderSpec {
  customerId: string;
  /** When the buyer placed it (the channel's creation time), epoch ms. */
  placedAt: number;
  /** [lineId, sku, quantity] */
  lines: ReadonlyArray<readonly [string, string, number]>;
  province?: string;
  city?: string;
  detail?: string;
  phone?: string;
  /** Invoice (fapiao) title; null = none requested. */
  invoiceTitle?: string | null;
}

/**
 * The ingress records of one order (number `n` of run `runId`) shaped for a dispatch test: its
 * customer, placed time, lines, address, phone and invoice title. The payable total is the
 * fixture's, so the fixture payment still matches it.
 */
export function dispatchOrderRecords(runId: string, n: number, spec: DispatchOrderSpec): OrderRecords {
  const records = orderRecords(runId, n);
  const channelOrder = records.channelOrder;
  const lines: OrderLine[] = spec.lines.map(([lineId, sku, quantity]) => ({
    lineId, sku, channelSkuId: null, title: sku, quantity, unitPrice: 1_000, discountAmount: 0, paidAmount: 1_000 * quantity,
  }));
  return {
    ...records,
    channelOrder: {
      ...channelOrder,
      customerId: spec.customerId,
      createdAt: spec.placedAt,
      createdAtText: formatIsoDateTime({ epochMs: spec.placedAt, offsetMinutes: 480, offsetText: '+08:00' }),
      recipientPhone: spec.phone ?? '13800138000',
      shippingAddress: {
        ...channelOrder.shippingAddress, province: spec.province ?? '浙江省', city: spec.city ?? '杭州市', district: '西湖区', street: null,
        detail: spec.detail ?? '文三路100号华星科技大厦1801室',
      },
      invoice: spec.invoiceTitle === null ? null : { titleType: 'COMPANY', title: spec.invoiceTitle ?? '杭州某某眼镜有限公司', taxpayerId: null, email: null },
      lines,
    },
  };
}
