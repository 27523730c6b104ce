import type { CommandMeta } from '../commands/command-meta';
import { isMinorUnits, isNonBlank, isPositiveInteger } from '../model/minor-units';
import { PAYMENT_PROVIDERS, type Actor, type OrderLine, type ShippingAddress } from '../model/order-values';
import { parseIsoDateTime } from '../time/iso-date-time';

/**
 * Field checks shared by the command handlers. Each returns a list of problems (empty = fine) so
 * one rejection names everything wrong with a command at once.
 */

/** A timestamp pair must be an integer epoch ms plus ISO-8601 text with offset denoting the same instant. */
export function timestampProblems(name: string, epochMs: unknown, text: unknown): string[] {
  if (typeof epochMs !== 'number' || !Number.isSafeInteger(epochMs)) return [`${name} must be integer epoch milliseconds`];
  const parsed = typeof text === 'string' ? parseIsoDateTime(text) : null;
  if (!parsed) return [`${name}Text must be ISO-8601 with an offset, got ${JSON.stringify(text)}`];
  if (parsed.epochMs !== epochMs) return [`${name}Text ${text} is not the instant ${name} ${epochMs}`];
  return [];
}

/** Checks the fields every command carries. */
export function metaProblems(meta: CommandMeta): string[] {
  return [
    ...(isNonBlank(meta.orderId) ? [] : ['orderId is required']),
    ...(isNonBlank(meta.commandId) ? [] : ['commandId is required']),
    ...timestampProblems('occurredAt', meta.occurredAt, meta.occurredAtText),
  ];
}

/** Amounts are integer minor units — floats are refused, never rounded. */
export function amountProblems(name: string, value: unknown): string[] {
  return isMinorUnits(value) ? [] : [`${name} must be a non-negative integer of minor units, got ${JSON.stringify(value)}`];
}

/** Non-blank text fields. */
export function requiredText(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => !isNonBlank(value))
    .map(([name]) => `${name} is required`);
}

/** ISO 4217-style currency code. */
export function currencyProblems(currency: unknown): string[] {
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? [] : [`currency must be a 3-letter code, got ${JSON.stringify(currency)}`];
}

/** Known payment provider. */
export function providerProblems(provider: unknown): string[] {
  return (PAYMENT_PROVIDERS as readonly unknown[]).includes(provider) ? [] : [`unknown payment provider ${JSON.stringify(provider)}`];
}

/** At least one line; ids unique; quantity a positive integer; unit price integer minor units. */
export function lineProblems(lines: readonly OrderLine[] | undefined): string[] {
  if (!Array.isArray(lines) || lines.length === 0) return ['lines must hold at least one line'];
  const problems: string[] = [];
  const ids = new Set<string>();
  lines.forEach((line, index) => {
    problems.push(...requiredText({ [`lines[${index}].lineId`]: line.lineId, [`lines[${index}].sku`]: line.sku }));
    if (ids.has(line.lineId)) problems.push(`lines[${index}].lineId ${line.lineId} is repeated`);
    ids.add(line.lineId);
    if (!isPositiveInteger(line.quantity)) problems.push(`lines[${index}].quantity must be a positive integer, got ${JSON.stringify(line.quantity)}`);
    problems.push(...amountProblems(`lines[${index}].unitPrice`, line.unitPrice));
  });
  return problems;
}

/** Recipient, province, city, district and detail are required; the postal code may be null. */
export function addressProblems(address: ShippingAddress | undefined): string[] {
  if (!address) return ['address is required'];
  const { recipientName, province, city, district, detail } = address;
  return requiredText({ 'address.recipientName': recipientName, 'address.province': province, 'address.city': city, 'address.district': district, 'address.detail': detail });
}

/** An actor needs an id and a role. */
export function actorProblems(name: string, actor: Actor | undefined): string[] {
  return requiredText({ [`${name}.actorId`]: actor?.actorId, [`${name}.role`]: actor?.role });
}
