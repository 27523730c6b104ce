import { formatIsoDateTime } from '@oms/order-domain';

/**
 * ISO-8601 text of an instant in Beijing time (`+08:00`), the business clock of the merchants and
 * providers the gateway talks to. Used for the `…AtText` of the gateway's own instants
 * (receivedAt, queriedAt); instants written by a provider keep the provider's text.
 */
export function beijingIsoText(epochMs: number): string {
  return formatIsoDateTime({ epochMs, offsetMinutes: 480, offsetText: '+08:00' });
}
