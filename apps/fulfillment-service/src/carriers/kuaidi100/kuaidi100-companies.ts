import type { CarrierCode } from '@oms/contracts';

/**
 * Kuaidi100 company codes (`com`) of the carriers our shipments reach through the aggregator.
 * CarrierCode has no value for the aggregator itself: a track reported by Kuaidi100 is a track of
 * its underlying carrier, and the aggregator is recorded as the tracking source.
 */
export const KUAIDI100_COMPANIES: Readonly<Record<string, CarrierCode>> = {
  yuantong: 'YTO',
  shentong: 'STO',
  yunda: 'YUNDA',
  jtexpress: 'JTEXPRESS',
  ems: 'EMS',
  shunfeng: 'SF',
  zhongtong: 'ZTO',
  jd: 'JD',
};

/** The Kuaidi100 `com` of a carrier. */
export function kuaidi100Company(carrier: CarrierCode): string {
  const entry = Object.entries(KUAIDI100_COMPANIES).find(([, code]) => code === carrier);
  if (!entry) throw new Error(`Kuaidi100 has no company code for ${carrier}`);
  return entry[0];
}
