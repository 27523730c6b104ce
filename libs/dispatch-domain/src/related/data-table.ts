/**
 * Checks for the operator-edited data files (abbreviation tables, region suffixes, phone
 * formats): a malformed file fails when the library loads, naming the entry, instead of
 * silently normalising nothing.
 */

/** `value` as a list of texts, or an error naming `where`. */
export function textList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`${where} must be a list of texts`);
  return value as string[];
}

/** `value` as a list of [from, to] text pairs, or an error naming `where` and the entry. */
export function textPairs(value: unknown, where: string): [string, string][] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a list of [from, to] pairs`);
  return value.map((pair, index) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || pair[0] === '') {
      throw new Error(`${where}[${index}] must be a [from, to] pair of texts, got ${JSON.stringify(pair)}`);
    }
    return [pair[0], pair[1]];
  });
}

/** `value` as a text → text table, or an error naming `where`. */
export function textTable(value: unknown, where: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Object.values(value).some((item) => typeof item !== 'string')) {
    throw new Error(`${where} must map texts to texts`);
  }
  return value as Record<string, string>;
}
