import { signRsaSha256, verifyRsaSha256, type KeyInput } from '../crypto/rsa-sha256';

/** Parameters of an Alipay request or notification, decoded. */
export type AlipayParams = Readonly<Record<string, string>>;

/**
 * The string Alipay signs: every parameter except `exclude` with a non-empty value, sorted by
 * key (ASCII), joined as `k=v&k=v` with the decoded values.
 *
 * - Asynchronous notifications are verified without `sign` and `sign_type` (the SDK's
 *   `rsaCheckV1`): the default.
 * - Requests (`alipay.trade.query`, …) are signed without `sign` only: pass `['sign']`.
 */
export function alipaySignContent(params: AlipayParams, exclude: readonly string[] = ['sign', 'sign_type']): string {
  return Object.keys(params)
    .filter((key) => !exclude.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/** RSA2 (SHA256withRSA) signature of the parameters, base64 — what Alipay puts in `sign`. */
export function signAlipayParams(params: AlipayParams, privateKey: KeyInput, exclude?: readonly string[]): string {
  return signRsaSha256(alipaySignContent(params, exclude), privateKey);
}

/** True when `params.sign` is the RSA2 signature of the other parameters (notification rules by default). */
export function verifyAlipayParams(params: AlipayParams, publicKey: KeyInput, exclude?: readonly string[]): boolean {
  const signature = params['sign'];
  if (!signature) return false;
  return verifyRsaSha256(alipaySignContent(params, exclude), signature, publicKey);
}
