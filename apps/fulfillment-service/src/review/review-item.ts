import type { CarrierCode, FulfillmentReviewCause } from '@oms/contracts';

/**
 * Why an item was raised: the published causes (FulfillmentReviewItemRaised), or a cause about
 * our own infrastructure that concerns no order and is only stored (`GET /review-items`).
 */
export type ReviewCause = FulfillmentReviewCause | 'CLOCK_SKEW';

/** A fulfilment-side item for a person (published as FulfillmentReviewItemRaised when its order is known). */
export interface ReviewItem {
  /** Raising the same thing twice (a redelivered push) keeps one item. */
  dedupeKey: string;
  orderId: string | null;
  cause: ReviewCause;
  dispatchPlanId?: string | null;
  carrier?: CarrierCode | null;
  trackingNumber?: string | null;
  detail: string;
  rawPayload?: string | null;
}
