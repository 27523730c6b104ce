import { loadOrderServiceConfig } from '../config/order-service.config';
import { windowMs } from './dispatch.config';

describe('dispatch configuration', () => {
  const base = { JWT_SECRET: 'config-test-secret-0123456789' };

  it('defaults the decision window to PT30S and reads ISO-8601 durations as milliseconds', () => {
    expect(loadOrderServiceConfig(base)).toMatchObject({ DISPATCH_DECISION_WINDOW: 'PT30S', DISPATCH_ENABLED: true, DISPATCH_CATALOG_FILE: null });
    expect(windowMs('PT30S')).toBe(30_000);
    expect(windowMs('PT1M30S')).toBe(90_000);
    expect(windowMs('PT0.5S')).toBe(500);
    expect(windowMs('P1D')).toBe(86_400_000);
  });

  it('refuses a malformed or calendar-length window at start, naming the variable', () => {
    expect(() => loadOrderServiceConfig({ ...base, DISPATCH_DECISION_WINDOW: '30s' })).toThrow(/DISPATCH_DECISION_WINDOW.*PT30S/s);
    expect(() => loadOrderServiceConfig({ ...base, DISPATCH_DECISION_WINDOW: 'P1M' })).toThrow(/DISPATCH_DECISION_WINDOW.*years or months/s);
  });
});
