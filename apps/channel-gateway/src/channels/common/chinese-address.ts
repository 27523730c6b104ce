import type { Address } from '@oms/contracts';

// District-level names end in 区 (district), 县 (county), 旗 (banner) or 市 (county-level city).
const LEADING_DISTRICT = /^([\u4e00-\u9fff]{1,8}?(?:区|县|旗|市))(.+)$/u;

/**
 * Splits the district off the start of a Chinese street line ("西湖区文一西路 588 号" →
 * 西湖区 + 文一西路 588 号), for channels that give province and city as fields but fold the
 * district into the address line (Shopify). Returns an empty district when none leads the line.
 */
export function splitLeadingDistrict(line: string): { district: string; detail: string } {
  const match = LEADING_DISTRICT.exec(line.trim());
  if (!match) return { district: '', detail: line.trim() };
  return { district: match[1], detail: match[2].trim() };
}

/** A mainland China shipping address from its named parts (no postal code, no street unless given). */
export function chinaAddress(parts: Pick<Address, 'province' | 'city' | 'district' | 'detail'> & Partial<Pick<Address, 'street'>>): Address {
  return { countryCode: 'CN', province: parts.province, city: parts.city, district: parts.district, street: parts.street ?? null, detail: parts.detail, postalCode: null };
}
