import { BadRequestException } from '@nestjs/common';
import type { Address } from '@oms/contracts';
import type { Actor, CancelOrder, ChangeAddress, ChangeLines, OrderLine } from '@oms/order-domain';
import { DEFAULT_COUNTRY_CODE } from '../mapping/address.mapper';
import type { AvroEnrichment } from '../mapping/mapping-context';
import type { CancelOrderDto, ChangeAddressDto, ChangeLinesDto } from './order-change.dto';

/** When and by whom: the parts every HTTP command shares. */
export interface HttpCommandMeta {
  orderId: string;
  commandId: string;
  occurredAt: number;
  occurredAtText: string;
}

/** An order change request as the domain command plus the facts only Avro keeps. */
export interface ChangeCommand {
  command: ChangeAddress | ChangeLines | CancelOrder;
  enrichment: AvroEnrichment;
}

/** The address fields as received: text the domain checks, optional extras checked here. */
type AddressDtoValues = { recipientName: string; province: string; city: string; district: string; detail: string; postalCode?: unknown; countryCode?: unknown; street?: unknown };

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestException('the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function optionalText(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new BadRequestException(`${name} must be a string`);
  return value;
}

/** Shape checks only (objects where objects belong); the domain validates the values and names every problem. */
export function changeAddressCommand(meta: HttpCommandMeta, actor: Actor, raw: unknown): ChangeCommand {
  const body = objectBody(raw) as Partial<ChangeAddressDto>;
  const address = objectBody(body.address) as unknown as AddressDtoValues;
  const { recipientName, province, city, district, detail } = address;
  const postalCode = optionalText(address.postalCode, 'address.postalCode');
  const full: Address = { countryCode: optionalText(address.countryCode, 'address.countryCode') ?? DEFAULT_COUNTRY_CODE, province, city, district, street: optionalText(address.street, 'address.street'), detail, postalCode };
  return {
    command: { type: 'ChangeAddress', data: { ...meta, actor, address: { recipientName, province, city, district, detail, postalCode }, phone: body.phone as string } },
    enrichment: { address: full, changeReason: optionalText(body.reason, 'reason') },
  };
}

export function changeLinesCommand(meta: HttpCommandMeta, actor: Actor, raw: unknown): ChangeCommand {
  const body = objectBody(raw) as Partial<ChangeLinesDto>;
  if (!Array.isArray(body.lines)) throw new BadRequestException('lines must be an array of order lines');
  const lines: OrderLine[] = body.lines.map((line: unknown) => {
    const { lineId, sku, quantity, unitPrice } = objectBody(line) as unknown as OrderLine;
    return { lineId, sku, quantity, unitPrice };
  });
  return {
    command: { type: 'ChangeLines', data: { ...meta, actor, lines, totalAmount: body.totalAmount as number } },
    enrichment: { changeReason: optionalText(body.reason, 'reason') },
  };
}

export function cancelOrderCommand(meta: HttpCommandMeta, actor: Actor, raw: unknown): ChangeCommand {
  const body = objectBody(raw ?? {}) as Partial<CancelOrderDto>;
  const detail = optionalText(body.detail, 'detail') ?? `cancelled by ${actor.actorId}`;
  return { command: { type: 'CancelOrder', data: { ...meta, actor, detail } }, enrichment: {} };
}
