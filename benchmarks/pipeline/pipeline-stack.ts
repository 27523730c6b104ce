import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { freePort } from '@oms/testing';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { healthy, spawnService, type ChildService } from './child-service';

/** The services of one benchmark run, each its own process, on an isolated schema set and topic prefix. */
export interface PipelineStack {
  services: ChildService[];
  simulatorsUrl: string;
  gatewayUrl: string;
  orderServiceUrl: string;
  topicPrefix: string;
  orderServiceSchema: string;
  gatewaySchema: string;
  fulfillmentSchema: string;
  stop(): Promise<void>;
}

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The SKUs the bench orders (the promotion's, stocked by the logistics simulators): one warehouse, so one parcel per order. */
const BENCH_CATALOG = { skus: [
  { sku: 'TEA-LJ-250G', warehouseId: 'WH-HZ-01', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
  { sku: 'CUP-GLASS-01', warehouseId: 'WH-HZ-01', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
] };

/**
 * Starts simulators (payments and channels; warehouses and carriers), order-service,
 * fulfillment-service, the ERP simulator and channel-gateway as separate processes
 * (as `scripts/run-services.sh` does) with this run's keys and secrets, and waits until each is up.
 */
export async function startPipelineStack(runId: string, databaseUrl: string, brokers: string, logDir: string): Promise<PipelineStack> {
  const merchantKey = pem();
  const alipayApp = pem();
  const common = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: `bench-pipeline-${runId}.`,
    LOG_LEVEL: process.env['BENCH_SERVICE_LOG_LEVEL'] ?? 'warn',
    OTEL_SDK_DISABLED: 'true',
    WECHATPAY_MCHID: '1230000109',
    WECHATPAY_APPID: 'wxd678efh567hg6999',
    WECHATPAY_API_V3_KEY: hex(16),
    WECHATPAY_MERCHANT_SERIAL: hex(20).toUpperCase(),
    ALIPAY_APP_ID: '2021004100000001',
    ALIPAY_SELLER_ID: '2088101000000001',
    SHOPIFY_WEBHOOK_SECRET: `shpss_${hex(8)}`,
    DOUYIN_APP_KEY: '7000000000000000001',
    DOUYIN_APP_SECRET: hex(16),
    PINDUODUO_CLIENT_SECRET: hex(16),
    MINIPROGRAM_WEBHOOK_SECRET: hex(24),
  };
  const services: ChildService[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of [...services].reverse()) await service.stop();
    })());
  try {
    const keysFile = join(logDir, `simulator-keys-${runId}.json`);
    const simulatorsPort = await freePort();
    services.push(
      await spawnService('simulators', 'apps/simulators/src/main.ts', { ...common, SIMULATOR_PORT: String(simulatorsPort), SIMULATOR_KEYS_FILE: keysFile, WECHATPAY_MERCHANT_PUBLIC_KEY: merchantKey.publicKeyPem, ALIPAY_APP_PUBLIC_KEY: alipayApp.publicKeyPem }, join(logDir, 'simulators.log'), async () => existsSync(keysFile) && readFileSync(keysFile, 'utf8').length > 0),
    );
    const simulator = JSON.parse(readFileSync(keysFile, 'utf8')) as { url: string; wechatpaySerial: string; wechatpayPublicKeyPem: string; alipayPublicKeyPem: string };
    const fulfillmentPort = await freePort();
    const logisticsPort = await freePort();
    const logistics = `http://127.0.0.1:${logisticsPort}`;
    services.push(await spawnService('logistics-simulators', 'apps/backbone/src/logistics-simulators.main.ts', { ...common, LOGISTICS_SIMULATOR_PORT: String(logisticsPort), CARRIER_PUSH_BASE_URL: `http://127.0.0.1:${fulfillmentPort}` }, join(logDir, 'logistics-simulators.log'), async () => (await fetch(`${logistics}/simulator/carriers/waybills`).catch(() => undefined))?.ok === true));
    const catalogFile = join(logDir, 'sku-catalog.json');
    writeFileSync(catalogFile, JSON.stringify(BENCH_CATALOG));
    const orderServiceSchema = `bench_pipeline_os_${runId}`;
    const orderServicePort = await freePort();
    const orderServiceUrl = `http://127.0.0.1:${orderServicePort}`;
    services.push(await spawnService('order-service', 'apps/order-service/src/main.ts', { ...common, DATABASE_SCHEMA: orderServiceSchema, HTTP_PORT: String(orderServicePort), JWT_SECRET: hex(24), DISPATCH_DECISION_WINDOW: 'PT1S', DISPATCH_CATALOG_FILE: catalogFile }, join(logDir, 'order-service.log'), healthy(orderServiceUrl)));
    const fulfillmentSchema = `bench_pipeline_fs_${runId}`;
    const fulfillmentUrl = `http://127.0.0.1:${fulfillmentPort}`;
    const carriers = { WAREHOUSE_API_URL: logistics, E_WAYBILL_API_URL: logistics, SF_API_URL: logistics, ZTO_API_URL: logistics, JD_API_URL: logistics, KUAIDI100_API_URL: logistics };
    services.push(await spawnService('fulfillment-service', 'apps/fulfillment-service/src/main.ts', { ...common, ...carriers, DATABASE_SCHEMA: fulfillmentSchema, HTTP_PORT: String(fulfillmentPort) }, join(logDir, 'fulfillment-service.log'), healthy(fulfillmentUrl)));
    services.push(await spawnService('erp-simulator', 'apps/backbone/src/erp-simulator.main.ts', common, join(logDir, 'erp-simulator.log'), async () => true));
    const gatewaySchema = `bench_pipeline_gw_${runId}`;
    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    services.push(
      await spawnService(
        'channel-gateway',
        'apps/channel-gateway/src/main.ts',
        {
          ...common,
          PORT: String(gatewayPort),
          GATEWAY_DB_SCHEMA: gatewaySchema,
          MERCHANT_CALLBACK_SECRET: hex(24),
          WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [simulator.wechatpaySerial]: simulator.wechatpayPublicKeyPem }),
          WECHATPAY_MERCHANT_PRIVATE_KEY: merchantKey.privateKeyPem,
          WECHATPAY_API_BASE_URL: simulator.url,
          ALIPAY_PUBLIC_KEY: simulator.alipayPublicKeyPem,
          ALIPAY_APP_PRIVATE_KEY: alipayApp.privateKeyPem,
          ALIPAY_GATEWAY_URL: `${simulator.url}/gateway.do`,
        },
        join(logDir, 'channel-gateway.log'),
        healthy(gatewayUrl),
      ),
    );
    return { services, simulatorsUrl: simulator.url, gatewayUrl, orderServiceUrl, topicPrefix: common.KAFKA_TOPIC_PREFIX, orderServiceSchema, gatewaySchema, fulfillmentSchema, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
