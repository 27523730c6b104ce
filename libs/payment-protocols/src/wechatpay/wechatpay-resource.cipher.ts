import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The encrypted `resource` object of a v3 notification (AEAD_AES_256_GCM, RFC 5116). */
export interface WechatpayEncryptedResource {
  original_type: string;
  algorithm: 'AEAD_AES_256_GCM';
  /** Base64 of ciphertext followed by the 16-byte authentication tag. */
  ciphertext: string;
  /** Associated data, possibly empty (e.g. `transaction`). */
  associated_data: string;
  /** The 12-character IV, unrelated to the signature nonce. */
  nonce: string;
}

const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Thrown when a resource cannot be decrypted: wrong key, altered ciphertext, nonce or associated data. */
export class ResourceDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceDecryptionError';
  }
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  // The API v3 key is a 32-character string set in the merchant platform, used as raw bytes.
  if (key.length !== KEY_BYTES) throw new RangeError('the API v3 key must be exactly 32 bytes');
  return key;
}

/**
 * Decrypts a notification resource with the merchant's API v3 key into its JSON text. The GCM tag
 * authenticates ciphertext, nonce and associated data together: any change throws
 * {@link ResourceDecryptionError}.
 */
export function decryptWechatpayResource(resource: Pick<WechatpayEncryptedResource, 'ciphertext' | 'associated_data' | 'nonce'>, apiV3Key: string): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new ResourceDecryptionError('ciphertext shorter than the authentication tag');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(resource.nonce, 'utf8'));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new ResourceDecryptionError('the resource does not decrypt with the API v3 key (tag mismatch)');
  }
}

/** Encrypts a resource as the platform does (simulators, tests). `nonce` defaults to 12 random characters. */
export function encryptWechatpayResource(
  plaintext: string,
  apiV3Key: string,
  options: { originalType?: string; associatedData?: string; nonce?: string } = {},
): WechatpayEncryptedResource {
  const nonce = options.nonce ?? randomBytes(9).toString('base64url').slice(0, 12);
  const associatedData = options.associatedData ?? 'transaction';
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: options.originalType ?? 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}
