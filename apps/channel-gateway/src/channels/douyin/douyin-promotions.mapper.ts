import type { AppliedPromotion, PromotionFunder } from '@oms/contracts';
import type { FieldReader } from '../common/field-reader';

// Who funds each block of promotion_detail: the shop, the platform (subsidy, comes back in the
// settlement, so reconciliation needs it) or the creator (达人).
const FUNDERS: ReadonlyArray<[string, PromotionFunder]> = [
  ['shop_discount_detail', 'MERCHANT'],
  ['platform_discount_detail', 'PLATFORM'],
  ['kol_discount_detail', 'CREATOR'],
];

/** Coupons and full-reduction campaigns of `promotion_detail`, each with its funder. */
export function douyinPromotions(order: FieldReader): AppliedPromotion[] {
  const detail = order.optionalObject('promotion_detail');
  if (!detail) return [];
  return FUNDERS.flatMap(([block, fundedBy]) => {
    const funded = detail.optionalObject(block);
    if (!funded) return [];
    const coupons = funded.array('coupon_info').map((coupon) => ({
      promotionId: coupon.id('coupon_id'),
      kind: 'COUPON',
      name: coupon.string('coupon_name'),
      discountAmount: coupon.integer('coupon_amount'),
      fundedBy,
    }));
    const campaigns = funded.array('full_discount_info').map((campaign) => ({
      promotionId: campaign.id('campaign_id'),
      kind: 'FULL_REDUCTION',
      name: campaign.string('campaign_name'),
      discountAmount: campaign.integer('total_amount'),
      fundedBy,
    }));
    return [...coupons, ...campaigns];
  });
}
