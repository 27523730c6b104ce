/**
 * The order detail URL returned to a channel, tagged so visits from it are attributed to the
 * system message rather than to marketing:
 * `<base>/<order reference>?utm_source=order_detail&utm_medium=system&utm_campaign=<configured>`.
 */
export function orderDetailUrl(baseUrl: string, orderReference: string, utmCampaign: string): string {
  const url = new URL(`${baseUrl}/${encodeURIComponent(orderReference)}`);
  url.searchParams.set('utm_source', 'order_detail');
  url.searchParams.set('utm_medium', 'system');
  url.searchParams.set('utm_campaign', utmCampaign);
  return url.toString();
}
