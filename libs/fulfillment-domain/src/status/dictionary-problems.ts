import { normalisedShipmentStatusSymbols } from '@oms/contracts';
import type { MappedStatus, StatusDictionary } from './status-dictionary';

/**
 * Every way a dictionary fails to cover `knownCodes` (the codes the carrier documents) or says
 * something meaningless: a known code missing, an entry with neither a status nor rules, a
 * status outside our vocabulary. Empty when the dictionary is complete. Operators edit the data
 * files; this is what a test (and start-up) holds them to.
 */
export function dictionaryProblems(dictionary: StatusDictionary, knownCodes: readonly string[]): string[] {
  const problems: string[] = [];
  for (const code of knownCodes) {
    if (!Object.hasOwn(dictionary.codes, code)) problems.push(`${dictionary.source}: known code ${code} is unmapped`);
  }
  for (const [code, entry] of Object.entries(dictionary.codes)) {
    if (!entry.status && !entry.rules?.length) problems.push(`${dictionary.source} ${code}: needs a status or rules`);
    const targets: MappedStatus[] = [entry.status ? { status: entry.status } : undefined, ...(entry.rules ?? []), entry.otherwise].filter((target): target is MappedStatus => target !== undefined);
    for (const target of targets) {
      if (!(normalisedShipmentStatusSymbols as readonly string[]).includes(target.status)) problems.push(`${dictionary.source} ${code}: ${target.status} is not a normalised status`);
    }
    for (const rule of entry.rules ?? []) {
      if (!rule.fact || rule.in.length === 0) problems.push(`${dictionary.source} ${code}: a rule needs a fact and values`);
    }
  }
  return problems;
}
