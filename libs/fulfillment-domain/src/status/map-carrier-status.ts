import type { MappedStatus, StatusCodeEntry, StatusDictionary } from './status-dictionary';

/** The outcome of mapping one carrier code: a status, or the reason there is none. */
export type StatusMapping =
  | ({ mapped: true; code: string } & MappedStatus)
  | { mapped: false; code: string; reason: string };

/**
 * Maps a carrier code through the carrier's dictionary, deciding by the payload's facts where the
 * dictionary says so. Never throws: an unknown code, or a split code whose facts match no rule,
 * comes back unmapped with the reason, for a review item.
 *
 * @example
 * mapCarrierStatus(sfDictionary, '31', { nodeType: 'TRANSIT_HUB' }) // { mapped: true, status: 'IN_TRANSIT', subStatus: 'TRUNK' }
 */
export function mapCarrierStatus(dictionary: StatusDictionary, code: string, facts: Record<string, string | undefined> = {}): StatusMapping {
  const entry = Object.hasOwn(dictionary.codes, code) ? dictionary.codes[code] : undefined;
  if (!entry) return { mapped: false, code, reason: `${dictionary.source} ${dictionary.codeField} ${code} is not in the ${dictionary.source} status dictionary` };
  const mapping = resolveEntry(entry, facts);
  if (!mapping) {
    const seen = Object.entries(facts).map(([name, value]) => `${name}=${value ?? '(missing)'}`).join(', ') || 'no facts';
    return { mapped: false, code, reason: `${dictionary.source} ${dictionary.codeField} ${code} (${entry.text}) depends on the payload and no rule matched (${seen})` };
  }
  return { mapped: true, code, ...mapping };
}

function resolveEntry(entry: StatusCodeEntry, facts: Record<string, string | undefined>): MappedStatus | undefined {
  if (entry.status) return withSubStatus(entry.status, entry.subStatus);
  const rule = entry.rules?.find((candidate) => {
    const value = facts[candidate.fact];
    return value !== undefined && candidate.in.includes(value);
  });
  if (rule) return withSubStatus(rule.status, rule.subStatus);
  return entry.otherwise;
}

function withSubStatus(status: MappedStatus['status'], subStatus: string | undefined): MappedStatus {
  return subStatus === undefined ? { status } : { status, subStatus };
}
