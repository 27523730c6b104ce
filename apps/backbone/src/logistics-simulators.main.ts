// The warehouses and carriers stocked for the promotion, as their own process (multi-process
// mode, scripts/run-services.sh). LOGISTICS_SIMULATOR_PORT (default 4020); the carriers push to
// CARRIER_PUSH_BASE_URL (fulfillment-service), also settable later with POST /simulator/carriers/push-target.
// Prints one JSON line with its URL.
import { loadConfig, parsers, type EnvVarSpec } from '@oms/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts the simulators
import { startLogisticsSimulator } from '../../simulators/src/carriers/logistics.simulator';
import { promotionStock } from './services/logistics-simulators.part';

const env = {
  LOGISTICS_SIMULATOR_PORT: { parse: parsers.integer, default: 4020, description: 'HTTP port (0 = any free port)' } satisfies EnvVarSpec<number>,
  CARRIER_PUSH_BASE_URL: { parse: parsers.string, default: '', description: 'base URL carriers push tracks to (fulfillment-service)' } satisfies EnvVarSpec<string>,
};

async function main(): Promise<void> {
  const config = loadConfig(env);
  const simulator = await startLogisticsSimulator({ port: config.LOGISTICS_SIMULATOR_PORT, pushBaseUrl: config.CARRIER_PUSH_BASE_URL || undefined, stock: promotionStock() });
  process.stdout.write(`${JSON.stringify({ logisticsSimulator: { url: simulator.url } })}\n`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
