import { parsers, type EnvVarSpec } from './env-spec';

/** The PostgreSQL server every service and test uses unless told otherwise. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** The broker `scripts/kafka.sh start` runs. */
export const DEFAULT_KAFKA_BROKERS = ['127.0.0.1:9092'];

/** Variables shared by every service that talks to PostgreSQL and Kafka. */
export const infrastructureEnv = {
  DATABASE_URL: {
    parse: parsers.url,
    default: DEFAULT_DATABASE_URL,
    description: 'PostgreSQL connection URL',
  } satisfies EnvVarSpec<string>,
  KAFKA_BROKERS: {
    parse: parsers.list,
    default: DEFAULT_KAFKA_BROKERS,
    description: 'comma-separated Kafka bootstrap servers, host:port',
  } satisfies EnvVarSpec<string[]>,
};
