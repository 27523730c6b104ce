import type { NormalisedShipmentStatus } from '@oms/contracts';

/** What a dictionary maps a carrier code to: our status, and the second level where the carrier's code splits. */
export interface MappedStatus {
  status: NormalisedShipmentStatus;
  /** Second level (IN_TRANSIT: TRUNK or REGIONAL), when the dictionary gives one. */
  subStatus?: string;
}

/**
 * A rule deciding by a fact of the payload rather than by the code alone: SF reuses one route code
 * for arriving at a transit hub and at a local outlet, and only the node type tells them apart.
 * `fact` names a value the carrier's adapter reads out of the payload (e.g. `nodeType`).
 */
export interface StatusRule extends MappedStatus {
  fact: string;
  /** The rule applies when the fact is one of these values. */
  in: string[];
}

/**
 * One carrier code: either a plain mapping, or `rules` tried in order with `otherwise` as the
 * fallback. A code with rules and no `otherwise` whose rules all miss is unmapped for that
 * payload (a review item, never a guess).
 */
export interface StatusCodeEntry {
  /** The carrier's wording of the code, as documented. */
  text: string;
  status?: NormalisedShipmentStatus;
  subStatus?: string;
  rules?: StatusRule[];
  otherwise?: MappedStatus;
}

/** A carrier's status dictionary: a data file under `apps/fulfillment-service/src/carriers/dictionaries/`. */
export interface StatusDictionary {
  /** Whose codes: SF, ZTO, JD, KUAIDI100. */
  source: string;
  /** Where the codes come from (the carrier's public documentation). */
  documentation: string;
  /** Which payload field the code is read from (SF `opCode`, ZTO `scanType`...). */
  codeField: string;
  codes: Record<string, StatusCodeEntry>;
}
