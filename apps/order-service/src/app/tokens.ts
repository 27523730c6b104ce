/** Nest injection tokens of values that are not classes. */
export const ORDER_SERVICE_CONFIG = Symbol('ORDER_SERVICE_CONFIG');
/** The service's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
/** The message bus (`PrefixedTopicsBus` over Kafka) whose handlers get a `PoolClient`. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** True when the outbox relay runs on a worker thread (`OUTBOX_RELAY_THREAD`, on Kafka). */
export const RELAY_ON_THREAD = Symbol('RELAY_ON_THREAD');
