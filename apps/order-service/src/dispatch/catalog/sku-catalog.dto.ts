import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A SKU's fulfilment vector; a missing dimension is null (planning then raises a review item naming the SKU). */
export class SkuEntryDto {
  @ApiProperty({ example: 'SKU-GLASSES' }) sku!: string;
  @ApiProperty({ nullable: true, type: String, example: 'WH-OWN-HZ' }) warehouseId!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 24, description: 'hours, positive integer' }) slaHours!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 200, description: 'grams, non-negative integer' }) minPackageWeight!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, example: false, description: 'bonded / cross-border' }) customsClearanceRequired!: boolean | null;
}

/** `POST /sku-catalog/imports`: the whole catalog as CSV or JSON text (replaces every SKU). */
export class CatalogImportDto {
  @ApiProperty({ enum: ['csv', 'json'] }) format!: 'csv' | 'json';
  @ApiProperty({ example: 'sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required\nSKU-GLASSES,WH-OWN-HZ,24,200,false' }) content!: string;
  @ApiPropertyOptional({ example: '618 大促前导入' }) reason?: string;
  @ApiPropertyOptional({ description: 'idempotency key: the same id again changes nothing' }) changeId?: string;
}

/** `POST /sku-catalog/changes`: UPSERT whole entries, or REMOVE SKUs. */
export class CatalogEditDto {
  @ApiProperty({ enum: ['UPSERT', 'REMOVE'] }) kind!: 'UPSERT' | 'REMOVE';
  @ApiPropertyOptional({ type: [SkuEntryDto], description: 'UPSERT only' }) entries?: SkuEntryDto[];
  @ApiPropertyOptional({ type: [String], description: 'REMOVE only' }) skus?: string[];
  @ApiPropertyOptional({ example: '云仓迁移' }) reason?: string;
  @ApiPropertyOptional({ description: 'idempotency key: the same id again changes nothing' }) changeId?: string;
}

/** One recorded catalog change. */
export class CatalogChangeRecordDto {
  @ApiProperty() version!: number;
  @ApiProperty() changeId!: string;
  @ApiProperty({ enum: ['IMPORT', 'UPSERT', 'REMOVE'] }) kind!: string;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ description: 'epoch ms' }) changedAt!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) updated!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
}

/** What a change answers: the new version and what it did. */
export class CatalogChangeViewDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: CatalogChangeRecordDto, nullable: true }) change!: CatalogChangeRecordDto | null;
  @ApiProperty({ description: 'SKUs imported with blank dimensions: [{ row, sku, missingFields }]', type: 'array', items: { type: 'object' } }) incomplete!: object[];
}

/** `GET /sku-catalog`. */
export class CatalogViewDto {
  @ApiProperty() version!: number;
  @ApiProperty() skuCount!: number;
  @ApiProperty({ type: [CatalogChangeRecordDto] }) history!: CatalogChangeRecordDto[];
}
