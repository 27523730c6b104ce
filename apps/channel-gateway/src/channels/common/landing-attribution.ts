import type { Attribution } from '@oms/contracts';

/**
 * First-touch UTM tags of a landing URL or path with query ("/products/x?utm_source=…"). Missing
 * tags are null; an unparsable URL gives all nulls rather than failing the order.
 */
export function utmOfLanding(landing: string | null): Pick<Attribution, 'utmSource' | 'utmMedium' | 'utmCampaign'> {
  if (!landing) return { utmSource: null, utmMedium: null, utmCampaign: null };
  try {
    const query = new URL(landing, 'https://landing.invalid').searchParams;
    return { utmSource: query.get('utm_source'), utmMedium: query.get('utm_medium'), utmCampaign: query.get('utm_campaign') };
  } catch {
    return { utmSource: null, utmMedium: null, utmCampaign: null };
  }
}
