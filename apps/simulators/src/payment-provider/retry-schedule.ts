const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The providers' published retry schedules for unanswered notifications: the delay before each
 * retry after the first delivery. WeChat Pay: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h
 * (15 retries over about 24 h). Alipay: 4m/10m/10m/1h/2h/6h/15h (7 retries over about 25 h).
 */
export const PROVIDER_RETRY_SCHEDULES = {
  WECHAT_PAY: [15 * SECOND, 15 * SECOND, 30 * SECOND, 3 * MINUTE, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE, 60 * MINUTE, 3 * HOUR, 3 * HOUR, 3 * HOUR, 6 * HOUR, 6 * HOUR],
  ALIPAY: [4 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR],
} as const;

/**
 * The schedules compressed by `timeScale` (1 = real time; 1/1000 turns 15 s into 15 ms), so tests
 * and demos see the retry behaviour in seconds.
 */
export function compressedSchedule(provider: keyof typeof PROVIDER_RETRY_SCHEDULES, timeScale: number): number[] {
  return PROVIDER_RETRY_SCHEDULES[provider].map((delay) => Math.max(1, Math.round(delay * timeScale)));
}
