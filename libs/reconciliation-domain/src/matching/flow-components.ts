import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';

/**
 * Partitions flows and bank lines into connected components: two items are connected when they
 * share a reference in the same direction (money in with money in, money out with money out).
 * A union-find over array indices with one Map per direction: O(n·α(n)), and the partition is the
 * same whatever the input order, which is what makes matching deterministic.
 *
 * Nodes are numbered flows first (0 … F−1), then lines (F … F+L−1), in input order; components
 * come out in the order of their smallest node (the caller puts the outcomes in canonical order).
 */
export interface Components {
  /** Node numbers grouped by component. */
  members: Int32Array;
  /** Start of each component in `members`; component k is `members[starts[k] … starts[k+1])`. */
  starts: Int32Array;
  /** Number of components. */
  count: number;
}

function find(parent: Int32Array, node: number): number {
  let current = node;
  while (parent[current] !== current) {
    parent[current] = parent[parent[current]]; // path halving keeps trees flat without recursion
    current = parent[current];
  }
  return current;
}

function union(parent: Int32Array, size: Int32Array, a: number, b: number): void {
  let rootA = find(parent, a);
  let rootB = find(parent, b);
  if (rootA === rootB) return;
  if (size[rootA] < size[rootB]) [rootA, rootB] = [rootB, rootA];
  parent[rootB] = rootA;
  size[rootA] += size[rootB];
}

function claim(owners: Map<string, number>, key: string | null, node: number, parent: Int32Array, size: Int32Array): void {
  if (!key) return;
  const owner = owners.get(key);
  if (owner === undefined) owners.set(key, node);
  else union(parent, size, node, owner);
}

function linkByReferences(flows: readonly ExpectedFlow[], lines: readonly BankLine[], parent: Int32Array, size: Int32Array): void {
  // Refunds are negative flows: they meet debit lines only, so a payment's +X line can never be
  // taken by its own refund even though both carry the same transaction id.
  const credit = new Map<string, number>();
  const debit = new Map<string, number>();
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i];
    const owners = flow.amount < 0 ? debit : credit;
    // The keys of flowKeys(), unrolled: this loop runs once per flow of a million-line day.
    claim(owners, flow.transactionId, i, parent, size);
    claim(owners, flow.outTradeNo, i, parent, size);
    claim(owners, flow.combinedRef, i, parent, size);
    claim(owners, flow.outRefundNo, i, parent, size);
    claim(owners, flow.refundId, i, parent, size);
  }
  for (let j = 0; j < lines.length; j++) {
    const owners = lines[j].amount < 0 ? debit : credit;
    for (const reference of lines[j].references) {
      const owner = owners.get(reference);
      if (owner !== undefined) union(parent, size, flows.length + j, owner);
    }
  }
}

/** Groups every flow and line into its component (a counting sort by root, O(n)). */
export function buildComponents(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): Components {
  const nodeCount = flows.length + lines.length;
  const parent = new Int32Array(nodeCount);
  const size = new Int32Array(nodeCount).fill(1);
  for (let node = 0; node < nodeCount; node++) parent[node] = node;
  linkByReferences(flows, lines, parent, size);

  const slot = new Int32Array(nodeCount).fill(-1);
  const counts: number[] = [];
  const roots = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    const root = find(parent, node);
    roots[node] = root;
    if (slot[root] === -1) slot[root] = counts.push(0) - 1;
    counts[slot[root]]++;
  }
  const starts = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) starts[k + 1] = starts[k] + counts[k];
  const fill = starts.slice(0, counts.length);
  const members = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) members[fill[slot[roots[node]]]++] = node;
  return { members, starts, count: counts.length };
}
