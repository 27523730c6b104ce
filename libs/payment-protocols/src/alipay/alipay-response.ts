import { signRsaSha256, verifyRsaSha256, type KeyInput } from '../crypto/rsa-sha256';

/**
 * Alipay open-API answers are `{"<method>_response":{…},"sign":"…"}` where `sign` is the RSA2
 * signature of the exact text of the `<method>_response` value (not a re-serialisation), so the
 * signed text is cut out of the raw body.
 */
export function signedAlipayResponseText(rawBody: string, responseKey: string): { content: string; sign: string } | null {
  const start = rawBody.indexOf(`"${responseKey}":`);
  const signAt = rawBody.lastIndexOf(',"sign":"');
  if (start < 0 || signAt < 0 || signAt < start) return null;
  const content = rawBody.slice(start + responseKey.length + 3, signAt);
  const signEnd = rawBody.indexOf('"', signAt + 9);
  if (signEnd < 0) return null;
  return { content, sign: rawBody.slice(signAt + 9, signEnd) };
}

/** Builds a signed answer body as Alipay does (simulators, tests). */
export function buildSignedAlipayResponse(responseKey: string, response: object, alipayPrivateKey: KeyInput): string {
  const content = JSON.stringify(response);
  return `{"${responseKey}":${content},"sign":"${signRsaSha256(content, alipayPrivateKey)}"}`;
}

/** True when the raw answer's `sign` verifies over its `<method>_response` text with Alipay's public key. */
export function verifyAlipayResponse(rawBody: string, responseKey: string, alipayPublicKey: KeyInput): boolean {
  const signed = signedAlipayResponseText(rawBody, responseKey);
  return signed !== null && verifyRsaSha256(signed.content, signed.sign, alipayPublicKey);
}
