import { compressedSchedule, PROVIDER_RETRY_SCHEDULES } from './retry-schedule';

describe('provider retry schedules', () => {
  it('are the published ones: WeChat Pay 15 retries over about 24 h, Alipay 7 over about 25 h', () => {
    const hours = (delays: readonly number[]) => delays.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(PROVIDER_RETRY_SCHEDULES.WECHAT_PAY).toHaveLength(15);
    expect(hours(PROVIDER_RETRY_SCHEDULES.WECHAT_PAY)).toBeCloseTo(24.07, 1);
    expect(PROVIDER_RETRY_SCHEDULES.ALIPAY).toHaveLength(7);
    expect(hours(PROVIDER_RETRY_SCHEDULES.ALIPAY)).toBeCloseTo(24.4, 1);
  });

  it('compress by a time scale, never below 1 ms', () => {
    expect(compressedSchedule('WECHAT_PAY', 1 / 1000).slice(0, 4)).toEqual([15, 15, 30, 180]);
    expect(compressedSchedule('ALIPAY', 1e-9).every((delay) => delay === 1)).toBe(true);
  });
});
