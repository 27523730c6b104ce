import type { KeyInput } from '../crypto/rsa-sha256';
import { signAlipayParams } from './alipay-sign';

/**
 * Builds an asynchronous notification body as Alipay POSTs it (simulators, tests):
 * `sign_type=RSA2` added, `sign` over the sorted parameters without `sign` and `sign_type`,
 * everything form-encoded.
 */
export function buildAlipayNotificationBody(params: Readonly<Record<string, string>>, alipayPrivateKey: KeyInput): string {
  const unsigned = { ...params, sign_type: 'RSA2' };
  return new URLSearchParams({ ...unsigned, sign: signAlipayParams(unsigned, alipayPrivateKey) }).toString();
}
