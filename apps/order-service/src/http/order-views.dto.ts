import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shape of `GET /orders/{id}`. */
export class OrderViewDto {
  @ApiProperty({ example: '3f1c2a1e-8a4b-5c3d-9e2f-0123456789ab' })
  orderId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'the instant asked for (UTC), null for now' })
  asOf!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'OrderState of @oms/order-domain: status (one of the twelve states), version, lines, totalAmount, payment facts, reservation, invoice, refund, review keys…',
  })
  state!: Record<string, unknown>;
}

/** OpenAPI shape of one entry of `GET /orders/{id}/events`. */
export class OrderEventViewDto {
  @ApiProperty() globalPosition!: number;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'event type = Avro record name', example: 'OrderPaid' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'correlationId, causationId, actor, traceparent' }) metadata!: Record<string, string>;
  @ApiProperty({ description: 'CRC-64-AVRO fingerprint of the writer schema, hex' }) schemaFingerprint!: string;
  @ApiProperty({ nullable: true, type: String, description: 'hash of the previous event, hex' }) previousHash!: string | null;
  @ApiProperty({ description: 'SHA-256 over the previous hash and this event, hex' }) hash!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the Avro record, decoded' }) payload!: Record<string, unknown>;
}
