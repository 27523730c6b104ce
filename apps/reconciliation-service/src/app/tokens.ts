/** Nest injection tokens of values that are not classes. */
export const RECONCILIATION_CONFIG = Symbol('RECONCILIATION_CONFIG');
/** The service's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
/** The message bus whose handlers get a `PoolClient`: Kafka, or the one a runner passes in. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** The {@link Clock}: the system clock, or the one a test or runner passes in. */
export const CLOCK = Symbol('CLOCK');
