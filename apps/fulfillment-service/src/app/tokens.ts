/** Nest injection tokens of values that are not classes. */
export const FULFILLMENT_CONFIG = Symbol('FULFILLMENT_CONFIG');
/** The service's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
/** The message bus (Kafka behind a topic prefix, or the one handed in) whose handlers get a `PoolClient`. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
