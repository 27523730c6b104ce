import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml promises the same broker scripts/kafka.sh runs; this keeps the promise.
const root = join(__dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const script = readFileSync(join(root, 'scripts/kafka.sh'), 'utf8');
const pom = readFileSync(join(root, 'tools/kafka/pom.xml'), 'utf8');

/** The `key=value` lines of the server.properties the script writes. */
function scriptBrokerSettings(): Map<string, string> {
  const block = /cat >"\$conf" <<CONF\n([\s\S]*?)\nCONF/.exec(script)?.[1] ?? '';
  const settings = new Map<string, string>();
  for (const line of block.split('\n')) {
    const match = /^([a-z.]+)=(.*)$/.exec(line.trim());
    if (match) settings.set(match[1]!, match[2]!);
  }
  return settings;
}

describe('docker-compose.yml and scripts/kafka.sh describe the same broker', () => {
  const kafka = compose.services.kafka;

  it('runs the Kafka version pinned in tools/kafka/pom.xml', () => {
    const pinned = /<kafka.version>(.+)<\/kafka.version>/.exec(pom)?.[1];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(kafka.image).toBe(`apache/kafka:${pinned}`);
  });

  it.each([
    'process.roles',
    'node.id',
    'num.partitions',
    'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor',
    'transaction.state.log.min.isr',
    'share.coordinator.state.topic.replication.factor',
    'min.insync.replicas',
    'default.replication.factor',
    'auto.create.topics.enable',
    'group.initial.rebalance.delay.ms',
    'log.retention.hours',
  ])('sets %s the same way', (property) => {
    const envName = `KAFKA_${property.toUpperCase().replace(/\./g, '_')}`;
    const scriptValue = scriptBrokerSettings().get(property);
    expect(scriptValue).toBeDefined();
    expect(String(kafka.environment[envName])).toBe(scriptValue);
  });

  it('serves PostgreSQL 15 with the database the tests default to', () => {
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.postgres.environment.POSTGRES_DB).toBe('test');
  });
});
