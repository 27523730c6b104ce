import type { SchemaRegistry } from '../schema/schema-registry';
import type { SchemaSources } from '../schema/schema-sources';
import type { GeneratedFile } from './generated-file';
import { renderSchemaDocs } from './render-schema-docs';
import { renderTypeFiles } from './render-type-files';

/**
 * Everything derived from the `.avsc` files: the TypeScript under `src/generated` and
 * `docs/topics-and-schemas.md`. The generator script writes these; a unit test compares them with
 * the committed files.
 */
export function renderGeneratedFiles(sources: SchemaSources, registry: SchemaRegistry): GeneratedFile[] {
  return [...renderTypeFiles(sources), renderSchemaDocs(sources, registry)];
}
