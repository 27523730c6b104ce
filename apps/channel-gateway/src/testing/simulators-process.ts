import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadGatewayConfig, type GatewayConfig } from '../config/gateway-config';
import { testGatewayEnv, type TestGatewaySetup } from './test-gateway-config';
import { testMerchant } from './test-merchant';
import type { TestProviderKeys } from './test-provider-keys';

/** The simulators running as their own process, with what they published at start. */
export interface SimulatorsProcess {
  url: string;
  wechatpaySerial: string;
  wechatpayPublicKeyPem: string;
  alipayPublicKeyPem: string;
  /** Calls the simulators' control API. */
  control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(REPO_ROOT, 'apps', 'simulators', 'src', 'main.ts');

/**
 * Starts `apps/simulators` exactly as an operator would (its `main.ts`, configured by the
 * environment), as a separate process, and reads the keys it generated from its first line.
 */
export async function spawnSimulators(env: Record<string, string>): Promise<SimulatorsProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], { cwd: REPO_ROOT, env: { ...process.env, SIMULATOR_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const published = await new Promise<Omit<SimulatorsProcess, 'control' | 'stop'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulators did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the simulators exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"simulator"')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { simulator: Omit<SimulatorsProcess, 'control' | 'stop'> }).simulator);
    });
  });
  return {
    ...published,
    control: async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${published.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return (await response.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The simulators' environment for the test merchant: its ids, secrets and the public halves of its request keys. */
export function testSimulatorsEnv(keys: TestProviderKeys): Record<string, string> {
  return {
    WECHATPAY_API_V3_KEY: testMerchant.apiV3Key,
    WECHATPAY_MCHID: testMerchant.wechatpayMchid,
    WECHATPAY_APPID: testMerchant.wechatpayAppid,
    WECHATPAY_MERCHANT_PUBLIC_KEY: keys.merchant.publicKeyPem,
    WECHATPAY_MERCHANT_SERIAL: keys.merchant.serial,
    ALIPAY_APP_ID: testMerchant.alipayAppId,
    ALIPAY_SELLER_ID: testMerchant.alipaySellerId,
    ALIPAY_APP_PUBLIC_KEY: keys.alipayApp.publicKeyPem,
    SIMULATOR_RETRY_TIME_SCALE: '0.0005',
    SHOPIFY_WEBHOOK_SECRET: testMerchant.shopifySecret,
    DOUYIN_APP_KEY: testMerchant.douyinAppKey,
    DOUYIN_APP_SECRET: testMerchant.douyinAppSecret,
    PINDUODUO_CLIENT_SECRET: testMerchant.pinduoduoClientSecret,
    MINIPROGRAM_WEBHOOK_SECRET: testMerchant.miniprogramSecret,
  };
}

/** A gateway configuration talking to the simulators: their API URLs and the keys they generated. */
export function gatewayConfigWithSimulators(keys: TestProviderKeys, simulators: Pick<SimulatorsProcess, 'url' | 'wechatpaySerial' | 'wechatpayPublicKeyPem' | 'alipayPublicKeyPem'>, setup: Omit<TestGatewaySetup, 'wechatpayApiBaseUrl' | 'alipayGatewayUrl'>): GatewayConfig {
  const env = testGatewayEnv(keys, { ...setup, wechatpayApiBaseUrl: simulators.url, alipayGatewayUrl: `${simulators.url}/gateway.do` });
  return loadGatewayConfig({ ...env, WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [simulators.wechatpaySerial]: simulators.wechatpayPublicKeyPem }), ALIPAY_PUBLIC_KEY: simulators.alipayPublicKeyPem });
}
