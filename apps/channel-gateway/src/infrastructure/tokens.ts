/** Nest injection tokens of the gateway's infrastructure. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** The `pg` pool working in the gateway's own schema. */
export const PG_POOL = Symbol('PG_POOL');
/** The {@link MessageBus} (Kafka, or in-process when `KAFKA_BROKERS=inprocess`). */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** The {@link Clock}. */
export const CLOCK = Symbol('CLOCK');
