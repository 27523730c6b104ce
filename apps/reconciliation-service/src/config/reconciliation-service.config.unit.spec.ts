import { loadReconciliationServiceConfig } from './reconciliation-service.config';

const JWT_SECRET = 'config-test-secret-0123456789';

/** The message of the error `load` throws ('' when it does not throw). */
function errorOf(load: () => unknown): string {
  try {
    load();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('reconciliation-service configuration', () => {
  it('starts with the documented defaults: 500 ms tolerance, one day to settle, reports under var/reports', () => {
    const config = loadReconciliationServiceConfig({ JWT_SECRET });
    expect(config).toEqual(expect.objectContaining({ MAX_TIME_GAP_MS: 500, SETTLEMENT_WINDOW_MS: 86_400_000, REPORT_DIR: 'var/reports/reconciliation', DATABASE_SCHEMA: 'reconciliation_service', JWT_SECRET }));
  });

  it('refuses invalid values at start, naming every bad variable', () => {
    const message = errorOf(() => loadReconciliationServiceConfig({ JWT_SECRET, MAX_TIME_GAP_MS: '-1', DATABASE_SCHEMA: 'Bad-Schema', MATCHING_POLL_MS: 'soon' }));
    for (const name of ['MAX_TIME_GAP_MS', 'DATABASE_SCHEMA', 'MATCHING_POLL_MS']) expect(message).toContain(name);
  });

  it('requires JWT_SECRET, the key of the review-queue tokens: no default, at least 16 characters, never echoed', () => {
    expect(errorOf(() => loadReconciliationServiceConfig({}))).toContain('JWT_SECRET is required');
    expect(errorOf(() => loadReconciliationServiceConfig({ JWT_SECRET: 'short-secret' }))).toContain('JWT_SECRET is invalid: value hidden');
  });
});
