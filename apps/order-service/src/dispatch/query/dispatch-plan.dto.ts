import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A quantity of an order line in a sub-order. */
export class DispatchLineDto {
  @ApiProperty() orderId!: string;
  @ApiProperty() lineId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
}

/** One shipment: one warehouse, one SLA, one customs status. */
export class DispatchSubOrderDto {
  @ApiProperty({ example: 'DP-29FD5C651C24F3CC-v1-01' }) subOrderId!: string;
  @ApiProperty({ example: 'WH-OWN-HZ' }) warehouseId!: string;
  @ApiProperty({ example: 24 }) slaHours!: number;
  @ApiProperty() customsClearanceRequired!: boolean;
  @ApiProperty({ description: 'every parcel of it must weigh at least this, grams' }) minPackageWeightGrams!: number;
  @ApiProperty({ nullable: true, type: String }) carrier!: string | null;
  @ApiProperty({ type: [DispatchLineDto] }) lines!: DispatchLineDto[];
}

/** What the sandbox answered for a version. */
export class SandboxOutcomeDto {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ description: 'the SandboxValidationResult as received: every check with its detail and call id', type: 'object', additionalProperties: true }) answer!: object;
  @ApiProperty({ description: '[{ api, subOrderId, reason }]', type: 'array', items: { type: 'object' } }) failures!: object[];
  @ApiProperty({ nullable: true, type: Number, description: 'the issued version kept in force when this one was rejected' }) fallbackPlanVersion!: number | null;
}

/** One version of the plan and why it was made. */
export class PlanVersionViewDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['PROPOSED', 'ISSUED', 'REJECTED'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number }) previousPlanVersion!: number | null;
  @ApiProperty({ description: 'ISO-8601 with offset' }) proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty({ type: [DispatchSubOrderDto] }) subOrders!: DispatchSubOrderDto[];
  @ApiProperty({ description: 'decision inputs: engine, catalogVersion, vectors (per SKU), orders, grouping (every pair: address/phone/title scores with distance and length, window, reasons), split and weight rules, inputDigest', type: 'object', additionalProperties: true }) why!: object;
  @ApiProperty({ type: SandboxOutcomeDto, nullable: true }) sandbox!: SandboxOutcomeDto | null;
}

/** A WMS scan recorded on the plan's orders. */
export class ScanViewDto {
  @ApiProperty() scanId!: string;
  @ApiProperty({ enum: ['INBOUND', 'PACKED', 'OUTBOUND', 'CARRIER_PICKUP'] }) scanType!: string;
  @ApiProperty() warehouseId!: string;
  @ApiProperty({ nullable: true, type: String }) subOrderId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) planVersion!: number | null;
  @ApiProperty({ nullable: true, type: Number }) currentPlanVersion!: number | null;
  @ApiProperty({ description: 'epoch ms' }) scannedAt!: number;
  @ApiProperty({ description: 'as the WMS wrote it' }) scannedAtText!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['PLAN_NOT_ISSUED', 'SUPERSEDED_PLAN_VERSION', 'UNKNOWN_SUB_ORDER', 'WRONG_WAREHOUSE', 'UNDERWEIGHT_PARCEL'] }) flag!: string | null;
  @ApiProperty({ nullable: true, type: String }) flagDetail!: string | null;
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty() recordedAt!: string;
}

/** `GET /dispatch-plans/{id}`. */
export class DispatchPlanViewDto {
  @ApiProperty({ example: 'DP-29FD5C651C24F3CC' }) dispatchPlanId!: string;
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty({ nullable: true, type: Number }) currentVersion!: number | null;
  @ApiProperty({ type: [PlanVersionViewDto] }) versions!: PlanVersionViewDto[];
  @ApiProperty({ type: [ScanViewDto], description: 'in scan-time order' }) scans!: ScanViewDto[];
  @ApiProperty({ description: 'review items about the plan or its scans', type: 'array', items: { type: 'object' } }) reviewItems!: object[];
}

/** `POST /dispatch-plans/{id}/replan`. */
export class ReplanDto {
  @ApiPropertyOptional({ example: '云仓 SKU 迁至自营仓' }) reason?: string;
}

/** What a re-plan answers. */
export class ReplanOutcomeDto {
  @ApiProperty() dispatchPlanId!: string;
  @ApiProperty({ enum: ['PROPOSED', 'REVIEW', 'REJECTED'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: Number }) version!: number | null;
}
