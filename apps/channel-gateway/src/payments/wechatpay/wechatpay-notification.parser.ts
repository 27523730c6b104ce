import { decryptWechatpayResource, ResourceDecryptionError, type WechatpayNotificationBody, type WechatpayTransaction } from '@oms/payment-protocols';
import { failed, passed, type Checked } from '../intake/notification-refusal';

/** A notification envelope with its resource decrypted. */
export interface DecryptedWechatpayNotification {
  envelope: WechatpayNotificationBody;
  /** The decrypted resource text, kept verbatim for the record. */
  resourceText: string;
  transaction: WechatpayTransaction;
}

/** Payments are the only v3 event this endpoint takes; refunds have their own notify URL. */
export const SUPPORTED_EVENT_TYPE = 'TRANSACTION.SUCCESS';

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// WeChat Pay's notification ids are short printable strings (string[1,36]); a control character
// (NUL above all, which PostgreSQL text cannot hold) would fail the whole intake batch it rides in.
function isNotificationId(id: string): boolean {
  if (id.length < 1 || id.length > 64) return false;
  for (let index = 0; index < id.length; index += 1) {
    const code = id.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

function envelopeOf(body: string): WechatpayNotificationBody | undefined {
  const parsed = parseJson(body);
  if (!isObject(parsed) || !isObject(parsed['resource'])) return undefined;
  const resource = parsed['resource'];
  const strings = [parsed['id'], parsed['create_time'], parsed['event_type'], resource['ciphertext'], resource['nonce']];
  if (!strings.every(isString) || resource['algorithm'] !== 'AEAD_AES_256_GCM') return undefined;
  if (!isNotificationId(parsed['id'] as string)) return undefined;
  if (resource['associated_data'] !== undefined && !isString(resource['associated_data'])) return undefined;
  return parsed as unknown as WechatpayNotificationBody;
}

/**
 * Reads the (already signature-verified) body: the envelope's shape, the event type, then the
 * AEAD_AES_256_GCM resource decrypted with the API v3 key into the transaction JSON.
 */
export function decryptWechatpayNotification(body: string, apiV3Key: string): Checked<DecryptedWechatpayNotification> {
  const envelope = envelopeOf(body);
  if (!envelope) return failed('MALFORMED_BODY', 'the body is not a v3 notification (an id of 1–64 printable characters) with an AEAD_AES_256_GCM resource');
  if (envelope.event_type !== SUPPORTED_EVENT_TYPE) return failed('UNSUPPORTED_EVENT', `event_type ${envelope.event_type.slice(0, 40)}`);
  let resourceText: string;
  try {
    resourceText = decryptWechatpayResource(envelope.resource, apiV3Key);
  } catch (error) {
    if (error instanceof ResourceDecryptionError) return failed('UNDECRYPTABLE_RESOURCE', error.message);
    throw error;
  }
  const transaction = parseJson(resourceText);
  if (!isObject(transaction)) return failed('MALFORMED_BODY', 'the decrypted resource is not a JSON object');
  return passed({ envelope, resourceText, transaction: transaction as unknown as WechatpayTransaction });
}
