import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNamedType, type AvroNamedTypeJson } from '../schema/avro-schema-json';
import type { SchemaRegistry } from '../schema/schema-registry';
import type { SchemaSources } from '../schema/schema-sources';
import { deadLetterTopic, topicCatalog } from '../topics';
import type { GeneratedFile } from './generated-file';
import { renderTypeSection } from './markdown-type-tables';

/** Where the generated documentation goes, relative to the repository root. */
export const SCHEMA_DOCS_PATH = 'docs/topics-and-schemas.md';

const TEMPLATE = join(__dirname, 'topics-and-schemas.template.md');
const FOLDER_TITLES: Readonly<Record<string, string>> = {
  ingress: 'Ingress records',
  'order-events': 'Order events',
  fulfillment: 'Fulfillment records',
};

/**
 * Renders `docs/topics-and-schemas.md` from the template next to this file: the topic table from
 * the topic catalog, then a section per record (topics, fingerprints of every version, field
 * table) and the shared types — all from the same sources as the code, so the page cannot drift.
 */
export function renderSchemaDocs(sources: SchemaSources, registry: SchemaRegistry): GeneratedFile {
  const shared = sources.common.map((source) => source.json).filter(isNamedType);
  const sharedNames = new Set(shared.map((schema) => schema.name));
  const content = readFileSync(TEMPLATE, 'utf8')
    .replace('<!-- topics -->', renderTopics())
    .replace('<!-- records -->', renderRecords(sources, registry, sharedNames))
    .replace('<!-- shared-types -->', shared.map((schema) => renderTypeSection(schema, 3, sharedNames)).join('\n'))
    .replace(/\{\{(fingerprint|version|header):(\w+)\}\}/g, (_, fact: string, recordName: string) =>
      currentFact(registry, fact, recordName),
    );
  return { path: SCHEMA_DOCS_PATH, content };
}

/** `{{fingerprint:X}}`, `{{version:X}}` and `{{header:X}}` of the template, for X's current schema. */
function currentFact(registry: SchemaRegistry, fact: string, recordName: string): string {
  const current = registry.current(recordName);
  if (fact === 'version') return String(current.version ?? 'unpublished');
  if (fact === 'fingerprint') return current.fingerprint;
  const fingerprintBytes = current.fingerprint.match(/../g) ?? [];
  return ['c3', '01', ...fingerprintBytes.reverse()].join(' ');
}

function renderTopics(): string {
  const rows = topicCatalog.map((spec) => {
    const records = spec.records.map((name) => `[${name}](#${name.toLowerCase()})`).join(', ');
    return `| \`${spec.topic}\` | \`${spec.key}\` | ${records} | ${spec.writers} | ${spec.readers} |\n`;
  });
  const dlq = `| \`${deadLetterTopic('<topic>')}\` | as the source | the source record, bytes untouched | any consumer | operators |`;
  return `| topic | key | records | written by | read by |\n|---|---|---|---|---|\n${rows.join('')}${dlq}`;
}

function renderRecords(sources: SchemaSources, registry: SchemaRegistry, sharedNames: ReadonlySet<string>): string {
  // Known folders in reading order (what comes in, what the order does, what fulfilment answers).
  const known = Object.keys(FOLDER_TITLES);
  const folders = [...new Set(sources.current.map((source) => source.folder))].sort(
    (a, b) => rank(known, a) - rank(known, b) || (a < b ? -1 : 1),
  );
  return folders
    .map((folder) => {
      const records = sources.current.filter((source) => source.folder === folder);
      const sections = records.map((source) =>
        renderTypeSection(source.json as AvroNamedTypeJson, 3, sharedNames, recordFacts(source.recordName, registry)),
      );
      return `## ${FOLDER_TITLES[folder] ?? folder}\n\n${sections.join('\n')}`;
    })
    .join('\n');
}

function rank(known: string[], folder: string): number {
  const index = known.indexOf(folder);
  return index < 0 ? known.length : index;
}

function recordFacts(recordName: string, registry: SchemaRegistry): string {
  const topics = topicCatalog.filter((spec) => spec.records.some((name) => name === recordName));
  const versions = registry.versions(recordName).map((entry) => {
    const label = entry.version === undefined ? 'unpublished' : `v${entry.version}`;
    return `${label} \`${entry.fingerprint}\`${entry.isCurrent ? ' (current)' : ''}`;
  });
  return `Topics: ${topics.map((spec) => `\`${spec.topic}\``).join(', ') || 'none'}. Fingerprints: ${versions.join(', ')}.\n\n`;
}
