import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_CAUSES } from '@oms/reconciliation-domain';

/** `POST /review-items/{id}/claim` and `/release` (the body may be left out). */
export class ReviewActorDto {
  @ApiPropertyOptional({ example: 'finance.li', description: "optional, kept for older clients: the bearer token's subject is the actor the audit trail records; naming anyone else → 403" }) actor?: string;
}

/** `POST /review-items/{id}/resolve`. */
export class ResolveReviewItemDto extends ReviewActorDto {
  @ApiProperty({ example: '银行次日补记，流水号 2024061900012 已核对' }) reason!: string;
}

/** One queue item. */
export class QueueItemDto {
  @ApiProperty({ example: 'AMOUNT_MISMATCH:pay:T20240618000123=bsl-1f0c…' }) reviewItemId!: string;
  @ApiProperty({ enum: ['reconciliation', 'order-service', 'fulfillment-service'] }) source!: string;
  @ApiProperty({ example: 'AMOUNT_MISMATCH', description: `reconciliation: ${REVIEW_CAUSES.join(', ')}; order-service and fulfillment-service: the causes of their ReviewItemRaised records` }) cause!: string;
  @ApiProperty({ example: '2024-06-18', description: 'Asia/Shanghai business date' }) businessDate!: string;
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectRef!: string | null;
  @ApiProperty({ enum: ['OPEN', 'CLAIMED', 'RESOLVED'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actor!: string | null;
  @ApiProperty({ description: 'epoch ms of the earliest time of the item' }) instantMs!: number;
}

/** One audited action. */
export class AuditEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty() reviewItemId!: string;
  @ApiProperty({ enum: ['CLAIMED', 'RELEASED', 'RESOLVED'] }) action!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() atMs!: number;
  @ApiProperty({ example: '2024-06-19T10:02:11.406+08:00' }) atText!: string;
}

/** One item with its trail and both sides. */
export class QueueItemDetailDto extends QueueItemDto {
  @ApiProperty({ type: [AuditEntryDto] }) history!: AuditEntryDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true, description: 'the review item with both sides (flows, bankLines), reconciliation items only' }) sides!: unknown;
}
