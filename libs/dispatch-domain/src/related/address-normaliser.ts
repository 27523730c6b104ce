import rawAddressTable from './address-normalisation.data.json';
import { textList, textPairs, textTable } from './data-table';
import { normaliseText } from './text-normaliser';

/** A shipping address as the related-orders rule reads it (the Avro `Address` and the order's address both fit). */
export interface ComparableAddress {
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Township / sub-district when the channel gives it separately. */
  readonly street?: string | null;
  readonly detail: string;
}

/** An address after normalisation: region levels in short form and the comparable whole. */
export interface NormalisedAddress {
  readonly province: string;
  /** Empty for a municipality, whose city level is the province (北京市 / 北京市 / 朝阳区). */
  readonly city: string;
  readonly district: string;
  /** Street and detail, normalised, with the region names a buyer repeated at its start removed. */
  readonly detail: string;
  /** province + city + district + detail: the text whose similarity is scored. */
  readonly comparable: string;
}

const FILE = 'address-normalisation.data.json';
const TABLE = {
  regionAliases: textTable(rawAddressTable.regionAliases, `${FILE} regionAliases`),
  regionSuffixes: textList(rawAddressTable.regionSuffixes, `${FILE} regionSuffixes`),
  autonomousSuffixes: textList(rawAddressTable.autonomousSuffixes, `${FILE} autonomousSuffixes`),
  ethnicGroupWords: textList(rawAddressTable.ethnicGroupWords, `${FILE} ethnicGroupWords`),
  minimumRegionNameLength: rawAddressTable.minimumRegionNameLength,
  municipalityCityPlaceholders: textList(rawAddressTable.municipalityCityPlaceholders, `${FILE} municipalityCityPlaceholders`),
  detailAbbreviations: textPairs(rawAddressTable.detailAbbreviations, `${FILE} detailAbbreviations`),
};
const ALIASES = new Map(Object.entries(TABLE.regionAliases).map(([name, alias]) => [normaliseText(name), normaliseText(alias)]));
const FULL_NAMES = [...ALIASES].reduce((names, [full, short]) => names.set(short, [...(names.get(short) ?? []), full]), new Map<string, string[]>());
const SUFFIXES = [...TABLE.regionSuffixes].sort((a, b) => b.length - a.length);
const CITY_PLACEHOLDERS = new Set(TABLE.municipalityCityPlaceholders.map(normaliseText));
const DETAIL_ABBREVIATIONS = TABLE.detailAbbreviations.map(([from, to]) => [normaliseText(from), normaliseText(to)] as const);

/**
 * The short form of a province, city or district name: NFKC, aliases (自治区 names), then one
 * region suffix (省/市/区/县…) stripped — `address-normalisation.data.json`.
 *
 * @example
 * normaliseRegion('广西壮族自治区'); // '广西'
 * normaliseRegion('北京市');        // '北京'
 */
export function normaliseRegion(name: string): string {
  const text = normaliseText(name);
  const alias = ALIASES.get(text);
  if (alias !== undefined) return alias;
  const suffix = SUFFIXES.find((candidate) => text.endsWith(candidate) && text.length - candidate.length >= TABLE.minimumRegionNameLength);
  if (suffix === undefined) return text;
  const stem = text.slice(0, text.length - suffix.length);
  return TABLE.autonomousSuffixes.includes(suffix) ? withoutEthnicWords(stem) : stem;
}

/**
 * Normalises a whole address for the related-orders comparison (DESIGN.md: address normalised —
 * province/city/district, full-width/half-width, common abbreviations — before comparing).
 *
 * @example
 * normaliseAddress({ province: '北京市', city: '北京市', district: '朝阳区', detail: '北京朝阳区建国路８８号' }).comparable;
 * // '北京朝阳建国路88号'
 */
export function normaliseAddress(address: ComparableAddress): NormalisedAddress {
  const province = normaliseRegion(address.province);
  const rawCity = normaliseRegion(address.city);
  const city = rawCity === province || CITY_PLACEHOLDERS.has(normaliseText(address.city)) ? '' : rawCity;
  const district = normaliseRegion(address.district);
  const prefixes = [address.province, address.city, address.district].map((name, level) => regionForms(name, [province, rawCity, district][level]));
  const detail = abbreviate(stripRegionPrefix(normaliseText(`${address.street ?? ''}${address.detail}`), prefixes));
  return { province, city, district, detail, comparable: `${province}${city}${district}${detail}` };
}

/**
 * The spellings of one region level a buyer may repeat in the detail, longest first: as given,
 * the short form, the short form with each suffix (浙江 → 浙江省) and its full alias names.
 */
function regionForms(raw: string, short: string): string[] {
  const forms = [normaliseText(raw), short, ...SUFFIXES.map((suffix) => `${short}${suffix}`), ...(FULL_NAMES.get(short) ?? [])];
  return [...new Set(forms)].filter((form) => form.length >= TABLE.minimumRegionNameLength).sort((a, b) => b.length - a.length);
}

/** Buyers often retype "浙江省杭州市西湖区" in the detail; drop it, level by level, in order. */
function stripRegionPrefix(detail: string, levels: string[][]): string {
  let rest = detail;
  for (const forms of levels) {
    const form = forms.find((candidate) => rest.startsWith(candidate));
    if (form !== undefined) rest = rest.slice(form.length);
  }
  return rest;
}

function abbreviate(detail: string): string {
  return DETAIL_ABBREVIATIONS.reduce((text, [from, to]) => text.split(from).join(to), detail);
}

function withoutEthnicWords(stem: string): string {
  let rest = stem;
  for (let changed = true; changed; ) {
    const word = TABLE.ethnicGroupWords.find((candidate) => rest.endsWith(candidate) && rest.length - candidate.length >= TABLE.minimumRegionNameLength);
    changed = word !== undefined;
    if (word !== undefined) rest = rest.slice(0, rest.length - word.length);
  }
  return rest;
}
