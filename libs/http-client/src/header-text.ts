import type { HttpExchangeResponse } from './http-exchange';

/**
 * One header of an {@link httpExchange} answer as `fetch`'s `Headers.get` reads it: the name
 * matched whatever its case, repeated values joined with `, `; undefined when absent.
 *
 * @example
 * const serial = headerText(answer.headers, 'Wechatpay-Serial');
 */
export function headerText(headers: HttpExchangeResponse['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
