import { ApiProperty } from '@nestjs/swagger';

/** A scan whose plan id no plan has, kept for a person to look at. */
export class UnmatchedScanDto {
  @ApiProperty() scanId!: string;
  @ApiProperty({ example: 'DP-0000000000000000' }) dispatchPlanId!: string;
  @ApiProperty({ example: 'no dispatch plan DP-0000000000000000 exists' }) reason!: string;
  @ApiProperty({ description: 'when order-service kept it, ISO-8601 UTC' }) recordedAt!: string;
  @ApiProperty({ description: 'the WmsScan as the WMS/TMS sent it (scanType, warehouseId, stationId, operatorId, orderId, subOrderId, carrier, trackingNumber, scannedAt…)', type: 'object', additionalProperties: true }) scan!: object;
}

/** One page of unmatched scans, newest first. */
export class UnmatchedScansPageDto {
  @ApiProperty({ type: [UnmatchedScanDto] }) items!: UnmatchedScanDto[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as ?cursor= for the older scans; null when none are left' }) nextCursor!: string | null;
}
