import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RSA key pair as PEM texts. */
export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Every key the gateway tests need, each freshly generated once per machine. */
export interface TestProviderKeys {
  /** WeChat Pay platform key and its serial (signs notifications and query answers). */
  platform: PemKeyPair & { serial: string };
  /** A second platform key: its serial is unknown to the gateway, its signature wrong for the first serial. */
  otherPlatform: PemKeyPair & { serial: string };
  /** The merchant API key (signs transaction queries). */
  merchant: PemKeyPair & { serial: string };
  /** Alipay's key (signs notifications and answers). */
  alipay: PemKeyPair;
  /** The merchant's Alipay application key (signs alipay.trade.query). */
  alipayApp: PemKeyPair;
}

const CACHE = join(tmpdir(), 'oms-channel-gateway-test-keys.v1.json');

function pair(): PemKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const serial = (): string => randomBytes(20).toString('hex').toUpperCase();

/**
 * RSA-2048 keys for tests. Generating five takes seconds on a busy 2-core machine, so they are
 * generated once and kept in the temp directory (test keys, never used outside tests).
 */
export function testProviderKeys(): TestProviderKeys {
  if (existsSync(CACHE)) return JSON.parse(readFileSync(CACHE, 'utf8')) as TestProviderKeys;
  const keys: TestProviderKeys = {
    platform: { ...pair(), serial: serial() },
    otherPlatform: { ...pair(), serial: serial() },
    merchant: { ...pair(), serial: serial() },
    alipay: pair(),
    alipayApp: pair(),
  };
  // Write then rename: two Jest workers racing both produce a complete file.
  const temporary = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(keys));
  renameSync(temporary, CACHE);
  return keys;
}
