import type { CarrierTrack } from '@oms/contracts';
import type { CarrierAdapter, ParsedTrack } from '../carriers/carrier-adapter';

/**
 * A CarrierTrack from `oms.ingress.carrier-tracks.v1` in the adapters' terms. The record keeps the
 * carrier's raw message; the facts the carrier's dictionary rules decide by (SF `nodeType`) are
 * read from it, so a track arriving through Kafka maps exactly like the same push over HTTP.
 */
export function parsedTrackOf(record: CarrierTrack, adapter: CarrierAdapter): ParsedTrack {
  return {
    source: adapter.source,
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    carrierStatusCode: record.carrierStatusCode,
    carrierStatusText: record.carrierStatusText,
    description: record.description,
    location: record.location,
    facts: factsOf(record.rawPayload, adapter),
    occurredAt: { epochMs: record.occurredAt, isoText: record.occurredAtText, originalText: record.occurredAtText },
    merchantOrderRef: record.merchantOrderRef,
    rawPayload: record.rawPayload,
  };
}

// The facts a dictionary's rules read, per dictionary: worked out once, not per track.
const factNames = new WeakMap<object, string[]>();

function factNamesOf(adapter: CarrierAdapter): string[] {
  let names = factNames.get(adapter.dictionary);
  if (!names) {
    names = [...new Set(Object.values(adapter.dictionary.codes).flatMap((entry) => (entry.rules ?? []).map((rule) => rule.fact)))];
    factNames.set(adapter.dictionary, names);
  }
  return names;
}

function factsOf(rawPayload: string, adapter: CarrierAdapter): Record<string, string | undefined> {
  const names = factNamesOf(adapter);
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(rawPayload);
    if (typeof parsed === 'object' && parsed !== null) payload = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: no facts, and a rule-mapped code then comes out unmapped with a review item.
  }
  return Object.fromEntries(names.map((name) => [name, typeof payload[name] === 'string' ? payload[name] : undefined]));
}
