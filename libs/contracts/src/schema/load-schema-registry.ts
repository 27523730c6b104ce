import { DEFAULT_AVRO_DIR } from './avro-dir';
import { buildSchemaEntries } from './build-schema-entries';
import { readSchemaSources } from './schema-sources';
import { SchemaRegistry } from './schema-registry';

/**
 * Reads every `.avsc` file under `avroDir` (default: `libs/contracts/avro`) into a
 * {@link SchemaRegistry}: record schemas with the shared `common/` types resolved by name, and every
 * published version under `history/`. Synchronous, meant to run once at start-up; throws
 * `SchemaDefinitionError` naming the file and every problem.
 */
export function loadSchemaRegistry(avroDir: string = DEFAULT_AVRO_DIR): SchemaRegistry {
  return new SchemaRegistry(buildSchemaEntries(readSchemaSources(avroDir)));
}
