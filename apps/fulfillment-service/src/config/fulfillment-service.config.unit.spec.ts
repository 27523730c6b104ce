import { loadFulfillmentServiceConfig } from './fulfillment-service.config';

describe('fulfillment-service configuration', () => {
  it('starts from documented defaults', () => {
    const config = loadFulfillmentServiceConfig({});
    expect(config).toMatchObject({ DATABASE_SCHEMA: 'fulfillment_service', HTTP_PORT: 3003, CALL_MAX_ATTEMPTS: 3, CALL_BACKOFF_MS: 200, KAFKA_TOPIC_PREFIX: '' });
  });

  it('refuses bad values, naming every offending variable', () => {
    const attempt = () => loadFulfillmentServiceConfig({ SF_API_URL: 'not a url', CALL_MAX_ATTEMPTS: '0', DATABASE_SCHEMA: 'Fulfillment-Service' });
    expect(attempt).toThrow(/SF_API_URL/);
    expect(attempt).toThrow(/CALL_MAX_ATTEMPTS/);
    expect(attempt).toThrow(/DATABASE_SCHEMA/);
  });
});
