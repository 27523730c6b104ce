/**
 * @oms/dispatch-domain — the dispatch (split) decision of pain point 3 (DESIGN.md): the SKU
 * catalog of fulfilment vectors with versions, the split into sub-orders that never mix warehouse,
 * SLA or customs status, related-order grouping (address, phone, invoice title > 85% within 1 h,
 * strictest SLA first), and the sandbox fallback model. No I/O, no clock, no randomness: time,
 * ids, the catalog and sandbox answers arrive as inputs, so a replay re-derives every plan.
 *
 * @example
 * import { applyCatalogChange, parseCatalogCsv, planDispatch, decidePlanIssue, SkuCatalog } from '@oms/dispatch-domain';
 * const parsed = parseCatalogCsv(csvText);                         // row-numbered errors if malformed
 * const v1 = parsed.ok && applyCatalogChange(SkuCatalog.EMPTY, { kind: 'IMPORT', source: 'CSV', entries: parsed.entries, ...meta });
 * const decision = planDispatch({ orderId, orders, catalog, planIdSeed: 'oms', decidedAt: now });
 * // PROPOSED → dry-run each sub-order → decidePlanIssue({ proposal, verdict, history })
 *
 * @packageDocumentation
 */

// SKU catalog: fulfilment vectors, versions, imports.
export {
  FULFILMENT_FIELDS, entryProblems, missingFields, vectorOf,
  type FulfilmentField, type FulfilmentVector, type SkuCatalogEntry,
} from './catalog/fulfilment-vector';
export { SkuCatalog } from './catalog/sku-catalog';
export {
  applyCatalogChange,
  type CatalogChange, type CatalogChangeMeta, type CatalogChangeRecord, type CatalogChangeResult,
} from './catalog/catalog-change';
export type { CatalogParseResult, IncompleteCatalogRow } from './catalog/catalog-import';
export type { CatalogRowError } from './catalog/catalog-row.parser';
export { parseCatalogCsv } from './catalog/catalog-csv.parser';
export { parseCatalogJson } from './catalog/catalog-json.parser';

// Related orders: normalisation, similarity, phones, grouping.
export { normaliseText } from './related/text-normaliser';
export { normaliseAddress, normaliseRegion, type ComparableAddress, type NormalisedAddress } from './related/address-normaliser';
export { compareAddresses, type AddressComparison } from './related/address-comparison';
export { compareInvoiceTitles, normaliseInvoiceTitle, type InvoiceTitleComparison } from './related/invoice-title-comparison';
export { isMoreSimilarThan, textSimilarity, type SimilarityScore } from './related/string-similarity';
export { parsePhone, type ParsedPhone, type PhoneKind } from './related/phone-number.parser';
export { comparePhones, shownPhone, type PhoneComparison, type PhoneMatchOutcome } from './related/phone-match';
export type { RelatableOrder } from './related/relatable-order';
export { DEFAULT_RELATED_ORDERS_POLICY, loadRelatedOrdersPolicy, type RelatedOrdersPolicy } from './related/related-orders-policy';
export { scoreOrderPair, type OrderPairScore } from './related/order-pair.scoring';
export { byPlacedAtThenId, groupRelatedOrders, type RelatedOrdersGrouping } from './related/related-orders.grouping';

// The split decision.
export type { DispatchInput, PlanningLine, PlanningOrder } from './planning/dispatch-input';
export type {
  DecisionInputs, DispatchDecision, DispatchPlan, MissingVector, MissingVectorReviewItem,
  PlannedLine, PlannedSubOrder, RecordedOrder, RecordedVector,
} from './planning/dispatch-plan';
export { planDispatch } from './planning/split-plan.decider';
export { DISPATCH_ENGINE, SPLIT_RULE, WEIGHT_RULE } from './planning/decision-inputs';
export { derivePlanId, nextPlanIdentity, subOrderId, type PlanIdentity } from './planning/plan-identity';
export { checkParcelWeight, type ParcelWeightCheck } from './planning/parcel-weight';
export { toDispatchPlannedRecord, type PublicationFacts } from './planning/dispatch-planned.record';

// Sandbox validation and fallback.
export {
  SANDBOX_APIS, sandboxFailures,
  type SandboxAnswer, type SandboxApi, type SandboxFailure, type SandboxVerdict,
} from './fallback/sandbox-verdict';
export type { PlanVersionRecord, PlanVersionRef, PlanVersionStatus } from './fallback/plan-version';
export { decidePlanIssue, type PlanIssueDecision, type PlanIssueInput, type SandboxReviewItem } from './fallback/plan-fallback.decider';

// Determinism helpers.
export { fnv1a64 } from './determinism/fnv1a64';
export { canonicalJson, compareCodeUnits } from './determinism/canonical-json';
