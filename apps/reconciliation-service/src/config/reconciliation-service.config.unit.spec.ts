import { loadReconciliationServiceConfig } from './reconciliation-service.config';

describe('reconciliation-service configuration', () => {
  it('starts with the documented defaults: 500 ms tolerance, one day to settle, reports under var/reports', () => {
    const config = loadReconciliationServiceConfig({});
    expect(config).toEqual(expect.objectContaining({ MAX_TIME_GAP_MS: 500, SETTLEMENT_WINDOW_MS: 86_400_000, REPORT_DIR: 'var/reports/reconciliation', DATABASE_SCHEMA: 'reconciliation_service' }));
  });

  it('refuses invalid values at start, naming every bad variable', () => {
    const load = (): unknown => loadReconciliationServiceConfig({ MAX_TIME_GAP_MS: '-1', DATABASE_SCHEMA: 'Bad-Schema', MATCHING_POLL_MS: 'soon' });
    expect(load).toThrow();
    const message = ((): string => {
      try {
        load();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['MAX_TIME_GAP_MS', 'DATABASE_SCHEMA', 'MATCHING_POLL_MS']) expect(message).toContain(name);
  });
});
