// Regenerates everything derived from libs/contracts/avro: the TypeScript types under
// libs/contracts/src/generated and docs/topics-and-schemas.md.
//
//   node -r @swc-node/register libs/contracts/scripts/generate-types.ts [--snapshot]
//
// --snapshot first publishes every changed schema as history/<RecordName>/v<N+1>.avsc, refusing
// if any earlier version would no longer be readable.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GENERATED_TYPES_DIR, type GeneratedFile } from '../src/codegen/generated-file';
import { planHistorySnapshots } from '../src/codegen/plan-history-snapshots';
import { renderTypeFiles } from '../src/codegen/render-type-files';
import { DEFAULT_AVRO_DIR } from '../src/schema/avro-dir';
import { loadSchemaRegistry } from '../src/schema/load-schema-registry';
import { readSchemaSources } from '../src/schema/schema-sources';

const repoRoot = resolve(__dirname, '../../..');

function write(files: GeneratedFile[]): void {
  for (const file of files) {
    const target = join(repoRoot, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    console.log(`wrote ${file.path}`);
  }
}

function removeStaleTypeFiles(files: GeneratedFile[]): void {
  const wanted = new Set(files.map((file) => file.path));
  for (const name of readdirSync(join(repoRoot, GENERATED_TYPES_DIR))) {
    const path = `${GENERATED_TYPES_DIR}/${name}`;
    if (!wanted.has(path)) {
      rmSync(join(repoRoot, path));
      console.log(`removed ${path}`);
    }
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--snapshot')) write(planHistorySnapshots(loadSchemaRegistry(DEFAULT_AVRO_DIR)));
  const sources = readSchemaSources(DEFAULT_AVRO_DIR);
  const typeFiles = renderTypeFiles(sources);
  mkdirSync(join(repoRoot, GENERATED_TYPES_DIR), { recursive: true });
  removeStaleTypeFiles(typeFiles);
  write(typeFiles);
  // Loaded only now: the docs list each topic's records through topics.ts, which imports the
  // generated record names just written.
  const { renderSchemaDocs } = await import('../src/codegen/render-schema-docs');
  write([renderSchemaDocs(sources, loadSchemaRegistry(DEFAULT_AVRO_DIR))]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
