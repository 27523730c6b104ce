import { writeFileSync } from 'node:fs';
import { loadSimulatorConfig } from './simulator-config';
import { startPaymentProviderSimulator } from './payment-provider/payment-provider.simulator';

// Bootstrap only. Prints one JSON line with the URL, the platform certificate serial and the
// public keys the gateway must be configured with (also written to SIMULATOR_KEYS_FILE if set).
async function bootstrap(): Promise<void> {
  const config = loadSimulatorConfig();
  const simulator = await startPaymentProviderSimulator(config);
  const published = {
    url: simulator.url,
    wechatpaySerial: simulator.keys.wechatpaySerial,
    wechatpayPublicKeyPem: simulator.keys.wechatpayPublicKeyPem,
    alipayPublicKeyPem: simulator.keys.alipayPublicKeyPem,
  };
  if (config.keysFile) writeFileSync(config.keysFile, JSON.stringify(published, null, 2));
  process.stdout.write(`${JSON.stringify({ simulator: published })}\n`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
