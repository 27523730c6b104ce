/**
 * Canonical orders for million-item lists without sorting by strings. On this kind of machine
 * sorting a million shuffled objects by a string id takes seconds (every comparison chases two
 * pointers into a 2 GB heap), and a million-entry Set is not much cheaper. So:
 * - {@link canonicalOrder}: by a 32-bit FNV-1a hash of the key packed with the index into one
 *   float64 (a native numeric sort), then by the key where hashes tie. Equal keys always hash
 *   alike, so a repeated key shows up inside a tie — the duplicate check comes for free.
 * - {@link chronologicalOrder}: by a time, then by the key — numbers compared first, strings only
 *   on equal times; feeds that arrive in time order are already nearly sorted.
 */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Indices in canonical order, and the first key found more than once (null when keys are unique). */
export interface CanonicalOrder {
  order: Uint32Array;
  repeated: string | null;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders a run of tied hashes by key, reporting a repeated key. */
function resolveTie<T>(indices: number[], items: readonly T[], key: (item: T) => string): string | null {
  indices.sort((a, b) => compareText(key(items[a]), key(items[b])));
  for (let k = 1; k < indices.length; k++) if (key(items[indices[k]]) === key(items[indices[k - 1]])) return key(items[indices[k]]);
  return null;
}

/**
 * The canonical order of `items` by `key`: the same keys give the same order whatever order the
 * items come in.
 *
 * @example
 * const { order, repeated } = canonicalOrder(flows, (flow) => flow.flowId);
 */
export function canonicalOrder<T>(items: readonly T[], key: (item: T) => string): CanonicalOrder {
  const count = items.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const hashShift = Math.max(0, indexBits - 21); // keep hash·2^indexBits + index below 2^53
  const scale = 2 ** indexBits;
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) packed[i] = (fnv1a32(key(items[i])) >>> hashShift) * scale + i;
  packed.sort();
  const order = new Uint32Array(count);
  let repeated: string | null = null;
  for (let start = 0; start < count; ) {
    const bucket = Math.floor(packed[start] / scale);
    let end = start + 1;
    while (end < count && Math.floor(packed[end] / scale) === bucket) end++;
    if (end - start === 1) order[start] = packed[start] % scale;
    else {
      const tie: number[] = [];
      for (let k = start; k < end; k++) tie.push(packed[k] % scale);
      repeated ??= resolveTie(tie, items, key);
      order.set(tie, start);
    }
    start = end;
  }
  return { order, repeated };
}

/** `items` rearranged in the given order. */
export function inOrder<T>(items: readonly T[], order: Uint32Array): T[] {
  const result = new Array<T>(order.length);
  for (let k = 0; k < order.length; k++) result[k] = items[order[k]];
  return result;
}

/**
 * `items` by time, then by key (the key must be unique for the order to be canonical). Used for
 * the outputs of matching: chronological is what a reviewer wants, and for inputs that arrive in
 * time order it keeps the output in allocation order, so whoever reads it next reads sequentially.
 *
 * @example
 * chronologicalOrder(groups, (group) => outcomeInstant(group.flows, group.bankLines), (group) => group.flows[0].flowId);
 */
export function chronologicalOrder<T>(items: readonly T[], time: (item: T) => number, key: (item: T) => string): T[] {
  const times = new Float64Array(items.length);
  const indices = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    times[i] = time(items[i]);
    indices[i] = i;
  }
  indices.sort((a, b) => times[a] - times[b] || compareText(key(items[a]), key(items[b])));
  return indices.map((index) => items[index]);
}
