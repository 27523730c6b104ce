import { ConfigError } from '@oms/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testGatewayEnv } from '../testing/test-gateway-config';
import { testProviderKeys } from '../testing/test-provider-keys';
import { describeGatewayConfig, IN_PROCESS_BROKERS, loadGatewayConfig } from './gateway-config';
import { gatewayEnv } from './gateway-env';

const keys = testProviderKeys();
const env = testGatewayEnv(keys, { databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema: 'channel_gateway', kafkaBrokers: '127.0.0.1:9092,127.0.0.1:9093' });

function problemsOf(overrides: Record<string, string | undefined>): string {
  try {
    loadGatewayConfig({ ...env, ...overrides });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('gateway configuration, validated at start', () => {
  it('reads brokers, keys by serial and the in-process switch', () => {
    const config = loadGatewayConfig(env);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect([...config.wechatpay.platformKeys.keys()]).toEqual([keys.platform.serial]);
    expect(config.wechatpay.platformKeys.get(keys.platform.serial)?.asymmetricKeyType).toBe('rsa');
    expect(loadGatewayConfig({ ...env, KAFKA_BROKERS: 'inprocess' }).kafkaBrokers).toBe(IN_PROCESS_BROKERS);
  });

  it('names every missing or malformed variable at once', () => {
    const message = problemsOf({ WECHATPAY_MCHID: undefined, ALIPAY_PUBLIC_KEY: 'not a key', WECHATPAY_PLATFORM_PUBLIC_KEYS: '[]', GATEWAY_DB_SCHEMA: 'Bad-Schema' });
    expect(message).toContain('WECHATPAY_MCHID is required');
    expect(message).toContain('ALIPAY_PUBLIC_KEY is invalid: expected a PEM text');
    expect(message).toContain('WECHATPAY_PLATFORM_PUBLIC_KEYS is invalid: expected a JSON object');
    expect(message).toContain('GATEWAY_DB_SCHEMA is invalid');
  });

  it('refuses weak or malformed secrets without echoing them', () => {
    const message = problemsOf({ MERCHANT_CALLBACK_SECRET: 'short-secret', WECHATPAY_API_V3_KEY: 'thirty-one-bytes-long-api-v3-ke', WECHATPAY_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nbroken' });
    expect(message).toContain('MERCHANT_CALLBACK_SECRET is invalid: value hidden');
    expect(message).toContain('WECHATPAY_API_V3_KEY is invalid: value hidden');
    expect(message).toContain('WECHATPAY_MERCHANT_PRIVATE_KEY is invalid: value hidden');
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('thirty-one-bytes');
  });

  it('accepts PEM keys with escaped newlines (one-line environment values)', () => {
    const oneLine = keys.alipay.publicKeyPem.replace(/\n/g, '\\n');
    expect(loadGatewayConfig({ ...env, ALIPAY_PUBLIC_KEY: oneLine }).alipay.alipayPublicKey.asymmetricKeyType).toBe('rsa');
  });

  it('reads the topic prefix, consumer group and refund switch, refusing a prefix Kafka would not accept', () => {
    expect(loadGatewayConfig(env)).toMatchObject({ kafkaTopicPrefix: '', kafkaGroupId: expect.stringContaining('gateway'), refundsEnabled: false });
    expect(loadGatewayConfig({ ...env, KAFKA_TOPIC_PREFIX: 'run-42.', REFUNDS_ENABLED: 'true' })).toMatchObject({ kafkaTopicPrefix: 'run-42.', refundsEnabled: true });
    expect(problemsOf({ KAFKA_TOPIC_PREFIX: 'run 42/' })).toContain('KAFKA_TOPIC_PREFIX is invalid');
  });

  it('describes itself for the start-up log without any secret or key material', () => {
    const described = JSON.stringify(describeGatewayConfig(loadGatewayConfig(env)));
    for (const secret of [env['MERCHANT_CALLBACK_SECRET'], env['WECHATPAY_API_V3_KEY'], env['SHOPIFY_WEBHOOK_SECRET'], 'PRIVATE KEY', 'PUBLIC KEY']) expect(described).not.toContain(secret);
    expect(described).toContain(keys.platform.serial);
  });
});

it('every variable is documented in the README configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(Object.keys(gatewayEnv).filter((name) => !readme.includes(`| \`${name}\` |`))).toEqual([]);
});
