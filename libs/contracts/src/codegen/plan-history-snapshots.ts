import { SchemaDefinitionError } from '../errors/contract-errors';
import { compatibilityProblems } from '../schema/check-compatibility';
import type { SchemaRegistry } from '../schema/schema-registry';
import type { GeneratedFile } from './generated-file';

/** The avro folder relative to the repository root. */
export const AVRO_DIR_FROM_ROOT = 'libs/contracts/avro';

/**
 * Publishing a schema change: for every current schema that matches no published version, the
 * file `history/<RecordName>/v<N+1>.avsc` holding its self-contained form — provided every earlier
 * version stays readable by it. Throws {@link SchemaDefinitionError} listing the incompatible
 * records instead of planning anything, so a breaking change is never published.
 */
export function planHistorySnapshots(registry: SchemaRegistry): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const problems: string[] = [];
  for (const recordName of registry.recordNames) {
    const current = registry.current(recordName);
    if (current.version !== undefined) continue;
    const published = registry.versions(recordName).filter((entry) => entry !== current);
    for (const old of published) {
      problems.push(...compatibilityProblems(old.type, current.type).map((p) => `${recordName} v${old.version}: ${p}`));
    }
    const next = Math.max(0, ...published.map((entry) => entry.version ?? 0)) + 1;
    files.push({
      path: `${AVRO_DIR_FROM_ROOT}/history/${recordName}/v${next}.avsc`,
      content: `${JSON.stringify(current.schema, null, 2)}\n`,
    });
  }
  if (problems.length > 0) throw new SchemaDefinitionError('history snapshot', problems);
  return files;
}
