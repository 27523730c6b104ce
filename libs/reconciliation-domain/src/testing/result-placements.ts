import type { ReconciliationResult } from '../model/reconciliation-result';

/**
 * Where each flow and each line ended up: flowId/lineId → the outcomes holding it. "Matched at
 * most once" means every list has exactly one entry (an item of a match group shares the group's
 * entry, so review items of matched groups are not counted twice).
 */
export function placements(result: ReconciliationResult): { flows: Map<string, string[]>; lines: Map<string, string[]> } {
  const flows = new Map<string, string[]>();
  const lines = new Map<string, string[]>();
  const put = (map: Map<string, string[]>, id: string, where: string) => map.set(id, [...(map.get(id) ?? []), where]);
  for (const group of result.matches) {
    for (const flow of group.flows) put(flows, flow.flowId, group.matchId);
    for (const line of group.bankLines) put(lines, line.lineId, group.matchId);
  }
  for (const item of result.reviewItems) {
    if (item.cause === 'MISSING_BANK_LINE') for (const flow of item.flows) put(flows, flow.flowId, item.reviewItemId);
    if (item.cause === 'MISSING_PAYMENT') for (const line of item.bankLines) put(lines, line.lineId, item.reviewItemId);
  }
  for (const flow of result.pending) put(flows, flow.flowId, 'pending');
  return { flows, lines };
}
