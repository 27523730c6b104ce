/**
 * JSON with object keys in code-unit order at every depth, so two values that are deep-equal
 * serialise to the same text whatever order their keys were built in. The dispatch engine hashes
 * this text for its input digest and stores it as `decisionInputs`; `JSON.stringify` alone depends
 * on key insertion order.
 */

/**
 * Serialises `value` with sorted keys; `undefined` properties are dropped, as in JSON. Throws on
 * what JSON cannot carry faithfully (non-finite numbers, bigint, functions, symbols): a NaN in a
 * decision input is a bug upstream, not something to hash as `null`.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return arrayJson(value);
  if (typeof value === 'object') return objectJson(value as Record<string, unknown>);
  throw new Error(`canonicalJson: ${String(value)} (${typeof value}) has no JSON form`);
}

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) text += ',';
    text += items[index] === undefined ? 'null' : canonicalJson(items[index]);
  }
  return `${text}]`;
}

function objectJson(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort(compareCodeUnits);
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/**
 * Orders strings by UTF-16 code units — locale-independent, unlike `localeCompare`, so sorting
 * gives the same result on every machine (determinism of plans).
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
