// The simulated ERP as its own process (multi-process mode, scripts/run-services.sh):
//   KAFKA_BROKERS=127.0.0.1:9092 [KAFKA_TOPIC_PREFIX=…] node -r @swc-node/register apps/backbone/src/erp-simulator.main.ts
import { createLogger, messagingLogger } from '@oms/nest-kit';
import { openBackboneBus } from './infrastructure/backbone-bus';
import { startErpSimulator } from './services/erp-invoicing.part';

async function main(): Promise<void> {
  if (!process.env['KAFKA_BROKERS']) throw new Error('KAFKA_BROKERS is required: the ERP simulator reads the order log from the broker');
  const logger = createLogger('erp-simulator');
  const bus = openBackboneBus(process.env, messagingLogger(logger));
  const erp = await startErpSimulator(bus, logger);
  logger.info({ brokers: bus.brokers }, 'erp-simulator answering OrderPlaced with InvoiceConfirmation');
  const stop = () => void erp.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
