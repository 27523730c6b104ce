import type { Address } from '@oms/contracts';
import type { ShippingAddress } from '@oms/order-domain';

/** Country assumed when nothing says otherwise: the backbone's channels are Chinese marketplaces. */
export const DEFAULT_COUNTRY_CODE = 'CN';

/**
 * A domain address as Avro. The domain keeps the recipient inside the address and has no country
 * or street; `known` (the channel's or the caller's full address) supplies those two only.
 */
export function toAvroAddress(address: ShippingAddress, known?: Address | null): Address {
  const { province, city, district, detail, postalCode } = address;
  return { countryCode: known?.countryCode ?? DEFAULT_COUNTRY_CODE, province, city, district, street: known?.street ?? null, detail, postalCode };
}

/** An Avro address and its recipient as the domain's shipping address. */
export function fromAvroAddress(address: Address, recipientName: string): ShippingAddress {
  const { province, city, district, detail, postalCode } = address;
  return { recipientName, province, city, district, detail, postalCode };
}
