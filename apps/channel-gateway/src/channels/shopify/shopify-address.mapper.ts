import type { Address, InvoiceRequest } from '@oms/contracts';
import { splitLeadingDistrict } from '../common/chinese-address';
import type { FieldReader } from '../common/field-reader';
import provinceCodes from './cn-province-codes.data.json';

const PROVINCES = provinceCodes as Readonly<Record<string, string>>;

/**
 * shipping_address → the four-level address. Shopify has no district field: Chinese buyers type
 * it at the start of address1, from where it is split off; address2 (building, room) joins the detail.
 */
export function shopifyAddress(address: FieldReader): Address {
  const countryCode = address.string('country_code');
  const code = address.optionalString('province_code');
  const { district, detail } = splitLeadingDistrict(address.string('address1'));
  const address2 = address.optionalString('address2');
  return {
    countryCode,
    province: (countryCode === 'CN' && code && PROVINCES[code]) || address.string('province'),
    city: address.string('city'),
    district,
    street: null,
    detail: address2 ? `${detail} ${address2}` : detail,
    postalCode: address.optionalString('zip'),
  };
}

/**
 * The fapiao request. Shopify has no invoice fields; our checkout extension stores them as note
 * attributes `invoice_title_type` (personal|company), `invoice_title`, `invoice_taxpayer_id`,
 * `invoice_email`. No `invoice_title` → no invoice asked for.
 */
export function shopifyInvoice(order: FieldReader): InvoiceRequest | null {
  const attributes = new Map(order.array('note_attributes').map((attribute) => [attribute.string('name'), attribute.optionalString('value')]));
  const title = attributes.get('invoice_title');
  if (!title) return null;
  return {
    titleType: attributes.get('invoice_title_type') === 'company' ? 'COMPANY' : 'PERSONAL',
    title,
    taxpayerId: attributes.get('invoice_taxpayer_id') ?? null,
    email: attributes.get('invoice_email') ?? null,
  };
}
