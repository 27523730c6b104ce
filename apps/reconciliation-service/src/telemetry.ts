// Preload: `node --require ./telemetry.js main.js`, so OpenTelemetry patches http, express, pg and
// kafkajs before Nest loads them.
import { startTelemetry } from '@oms/nest-kit';

startTelemetry('reconciliation-service');
