import { randomBytes } from 'node:crypto';
import { DEFAULT_KAFKA_BROKERS } from '@oms/config';

/** The brokers integration tests use: `KAFKA_BROKERS` or the broker `scripts/kafka.sh` starts. */
export function testKafkaBrokers(): string[] {
  const configured = process.env['KAFKA_BROKERS'];
  return configured ? configured.split(',').map((broker) => broker.trim()) : DEFAULT_KAFKA_BROKERS;
}

/** A topic (or group) name no other test run uses, so suites never read each other's records. */
export function uniqueName(prefix: string): string {
  return `test.${prefix}.${Date.now().toString(36)}.${randomBytes(3).toString('hex')}`;
}
