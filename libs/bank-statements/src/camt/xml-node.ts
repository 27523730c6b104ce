/**
 * Navigation over fast-xml-parser output without `any`: elements are objects, text-only elements
 * strings, attributes `@_name`, text next to attributes `#text`; repeated elements arrays.
 */
export type XmlNode = unknown;

/** The child at `path`, or undefined; the first element when a step meets a repeated element. */
export function child(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  for (const name of path) {
    if (Array.isArray(current)) current = current[0];
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/**
 * Every `name` element under the element at `path`: a repeated element parses to an array, a
 * single one does not — this evens that out.
 */
export function children(node: XmlNode, path: readonly string[], name: string): XmlNode[] {
  const value = child(child(node, ...path), name);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The trimmed text of an element (or of its `#text` beside attributes); null when empty or absent. */
export function textOf(node: XmlNode): string | null {
  const value = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)['#text'] : node;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** An attribute's value, or null. */
export function attributeOf(node: XmlNode, name: string): string | null {
  if (node === null || typeof node !== 'object') return null;
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
