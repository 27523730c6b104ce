import { startTelemetry } from '@oms/nest-kit';

// Preload (`node --require ./telemetry.js main.js`): instrument http, express, pg and kafkajs
// before Nest loads them.
startTelemetry('channel-gateway');
