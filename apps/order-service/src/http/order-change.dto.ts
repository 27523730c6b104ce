import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The new delivery address (the consignee is part of it). */
export class AddressDto {
  @ApiProperty({ example: '王小明' }) recipientName!: string;
  @ApiProperty({ example: '浙江省' }) province!: string;
  @ApiProperty({ example: '杭州市' }) city!: string;
  @ApiProperty({ example: '西湖区' }) district!: string;
  @ApiProperty({ example: '文一西路 588 号 3 幢 1202 室' }) detail!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '310012' }) postalCode?: string | null;
  @ApiPropertyOptional({ example: 'CN', description: 'ISO 3166-1 alpha-2; CN when omitted' }) countryCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '文新街道' }) street?: string | null;
}

/** `POST /orders/{id}/address`. */
export class ChangeAddressDto {
  @ApiProperty({ type: AddressDto }) address!: AddressDto;
  @ApiProperty({ example: '13900139000' }) phone!: string;
  @ApiPropertyOptional({ example: '买家来电改地址' }) reason?: string;
}

/** One order line: SKU, units and unit price in minor units. */
export class OrderLineDto {
  @ApiProperty({ example: 'L1' }) lineId!: string;
  @ApiProperty({ example: 'TEA-LJ-250G' }) sku!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
  @ApiProperty({ example: 12800, description: 'minor units (fen)' }) unitPrice!: number;
}

/** `POST /orders/{id}/lines`: only before any payment fact was seen. */
export class ChangeLinesDto {
  @ApiProperty({ type: [OrderLineDto] }) lines!: OrderLineDto[];
  @ApiProperty({ example: 25600, description: 'the new payable total, minor units' }) totalAmount!: number;
  @ApiPropertyOptional({ example: '买家取消茶杯' }) reason?: string;
}

/** `POST /orders/{id}/cancel`: closes an unpaid order, or starts a refund once money may have moved. */
export class CancelOrderDto {
  @ApiPropertyOptional({ example: 'buyer changed their mind' }) detail?: string;
}

/** What an accepted change answers. */
export class ChangeAcceptedDto {
  @ApiProperty() orderId!: string;
  @ApiProperty({ example: 'pending_payment' }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { eventId: { type: 'string' }, type: { type: 'string' }, streamVersion: { type: 'number' } } } })
  events!: Array<{ eventId: string; type: string; streamVersion: number }>;
}
