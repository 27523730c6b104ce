import type { CarrierCode, FulfillmentReviewCause } from '@oms/contracts';

/** A fulfilment-side item for a person (published as FulfillmentReviewItemRaised when its order is known). */
export interface ReviewItem {
  /** Raising the same thing twice (a redelivered push) keeps one item. */
  dedupeKey: string;
  orderId: string | null;
  cause: FulfillmentReviewCause;
  dispatchPlanId?: string | null;
  carrier?: CarrierCode | null;
  trackingNumber?: string | null;
  detail: string;
  rawPayload?: string | null;
}
