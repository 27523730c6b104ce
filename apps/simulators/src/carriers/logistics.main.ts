// The warehouse, e-waybill platform and carriers as a process of their own (for benchmarks and
// demos): `node -r @swc-node/register apps/simulators/src/carriers/logistics.main.ts`.
// LOGISTICS_SIMULATOR_PORT (default 4020, 0 = any), CARRIER_PUSH_BASE_URL (fulfillment-service;
// also settable later through POST /simulator/carriers/push-target), LOGISTICS_STOCK_UNITS
// (stock of every seeded SKU, default 100000), LOGISTICS_FAILURE_RATE (share of API requests
// answered 503, default 0). Prints one JSON line with the URL.
import { loadConfig, parsers, type EnvVarSpec } from '@oms/config';
import { startLogisticsSimulator } from './logistics.simulator';

const env = {
  LOGISTICS_SIMULATOR_PORT: { parse: parsers.integer, default: 4020, description: 'HTTP port (0 = any free port)' } satisfies EnvVarSpec<number>,
  CARRIER_PUSH_BASE_URL: { parse: parsers.string, default: '', description: 'base URL carriers push tracks to (fulfillment-service)' } satisfies EnvVarSpec<string>,
  LOGISTICS_STOCK_UNITS: { parse: parsers.positiveInteger, default: 100_000, description: 'units of every seeded SKU' } satisfies EnvVarSpec<number>,
  LOGISTICS_FAILURE_RATE: { parse: Number, default: 0, description: 'share of carrier and warehouse API requests answered 503 (occasional 5xx), 0..1' } satisfies EnvVarSpec<number>,
};

/** SKUs the standalone warehouses stock (the contract fixtures' and the demo catalog's). */
const SEEDED = [['WH-HZ-01', 'TEA-LJ-250G'], ['WH-HZ-01', 'TEA-BLC-100G'], ['WH-SH-02', 'CUP-GLASS-300'], ['WH-OWN-HZ', 'SKU-GLASSES'], ['WH-OWN-HZ', 'SKU-CASE'], ['WH-CLOUD-JX', 'SKU-LENS'], ['WH-BONDED-NB', 'SKU-SERUM']];

async function main(): Promise<void> {
  const config = loadConfig(env);
  const simulator = await startLogisticsSimulator({
    port: config.LOGISTICS_SIMULATOR_PORT,
    pushBaseUrl: config.CARRIER_PUSH_BASE_URL || undefined,
    stock: SEEDED.map(([warehouseId, sku]) => ({ warehouseId, sku, onHand: config.LOGISTICS_STOCK_UNITS })),
  });
  for (const target of ['SF', 'ZTO', 'JD', 'KUAIDI100', 'WAREHOUSE'] as const) simulator.carriers.faults.failOccasionally(target, config.LOGISTICS_FAILURE_RATE);
  process.stdout.write(`${JSON.stringify({ logisticsSimulator: { url: simulator.url } })}\n`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
