import { isDeepStrictEqual } from 'node:util';
import type { AppliedPromotion, Attribution as AvroAttribution } from '@oms/contracts';
import type { Attribution, Promotion } from '@oms/order-domain';

/**
 * The one promotion the domain keeps, from the channel's list: none → null; one → itself;
 * several → their ids joined with `+` and their discounts summed. The ingress translator and the
 * Avro reader both use this, so they always agree.
 */
export function domainPromotionOf(promotions: readonly AppliedPromotion[]): Promotion | null {
  if (promotions.length === 0) return null;
  return {
    promotionId: promotions.map((promotion) => promotion.promotionId).join('+'),
    discountAmount: promotions.reduce((sum, promotion) => sum + promotion.discountAmount, 0),
  };
}

/** The domain's promotion as Avro: the channel's full list when it reduces to the same promotion. */
export function toAvroPromotions(promotion: Promotion | null, known?: readonly AppliedPromotion[]): AppliedPromotion[] {
  if (known && isDeepStrictEqual(domainPromotionOf(known), promotion)) return [...known];
  if (promotion === null) return [];
  return [{ promotionId: promotion.promotionId, kind: 'UNSPECIFIED', name: promotion.promotionId, discountAmount: promotion.discountAmount, fundedBy: 'MERCHANT' }];
}

/** The domain's three attribution fields, preferring UTM tags and falling back to the channel's labels. */
export function domainAttributionOf(attribution: AvroAttribution): Attribution {
  return {
    source: attribution.utmSource ?? attribution.trafficSource ?? '',
    medium: attribution.utmMedium ?? '',
    campaign: attribution.utmCampaign ?? attribution.campaignId ?? '',
  };
}

/** The domain's attribution as Avro: the channel's full record when it reduces to the same. */
export function toAvroAttribution(attribution: Attribution | null, known?: AvroAttribution | null): AvroAttribution | null {
  if (attribution === null) return null;
  if (known && isDeepStrictEqual(domainAttributionOf(known), attribution)) return known;
  return {
    trafficSource: null, campaignId: null, contentId: null, creatorId: null,
    utmSource: attribution.source, utmMedium: attribution.medium, utmCampaign: attribution.campaign,
    referringSite: null, landingSite: null,
  };
}
