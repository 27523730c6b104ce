import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

// Environment variables cannot hold line breaks everywhere (.env files, Kubernetes literals), so
// a PEM may be given with `\n` escapes instead of real newlines.
function pemText(raw: string): string {
  const text = raw.includes('\\n') ? raw.replace(/\\n/g, '\n') : raw;
  if (!text.trim().startsWith('-----BEGIN ')) throw new Error('expected a PEM text starting with -----BEGIN');
  return text;
}

/** Parses an RSA public key (SPKI or PKCS#1 PEM, or a certificate's key) for signature checks. */
export function parsePublicKey(raw: string): KeyObject {
  const key = createPublicKey(pemText(raw));
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`expected an RSA key, got ${key.asymmetricKeyType}`);
  return key;
}

/** Parses an RSA private key (PKCS#8 or PKCS#1 PEM) for request signing. */
export function parsePrivateKey(raw: string): KeyObject {
  const key = createPrivateKey(pemText(raw));
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`expected an RSA key, got ${key.asymmetricKeyType}`);
  return key;
}

/**
 * Parses the WeChat Pay platform keys: a JSON object from certificate serial (or public key id)
 * to PEM, so a rotation can list the old and the new key side by side.
 */
export function parsePlatformKeys(raw: string): ReadonlyMap<string, KeyObject> {
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object {"<serial>": "<PEM>"}');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw new Error('expected at least one platform key');
  return new Map(
    entries.map(([serial, pem]) => {
      if (typeof pem !== 'string') throw new Error(`the key of serial ${serial} is not a string`);
      return [serial, parsePublicKey(pem)];
    }),
  );
}
