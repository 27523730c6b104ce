import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ReviewSource } from './review-queue.repository';
import { AuditEntryDto, QueueItemDetailDto, QueueItemDto, ResolveReviewItemDto, ReviewActorDto } from './review-queue.dto';
import { ReviewQueueService } from './review-queue.service';
import type { ReviewStatus } from './review-state';

const STATUSES: readonly ReviewStatus[] = ['OPEN', 'CLAIMED', 'RESOLVED'];
const SOURCES: readonly ReviewSource[] = ['reconciliation', 'order-service', 'fulfillment-service'];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new BadRequestException(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function limitOf(raw: string | undefined): number {
  if (raw === undefined) return 200;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5_000) throw new BadRequestException('limit must be an integer from 1 to 5000');
  return limit;
}

function dateOf(raw: string | undefined): string | undefined {
  if (raw !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new BadRequestException('businessDate must be YYYY-MM-DD (Asia/Shanghai)');
  return raw;
}

/** The operators' single review queue: reconciliation's items and order-service's. */
@ApiTags('review queue')
@Controller('review-items')
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Get()
  @ApiOkResponse({ type: [QueueItemDto] })
  @ApiQuery({ name: 'cause', required: false })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'orderId', required: false })
  @ApiQuery({ name: 'businessDate', required: false, description: 'YYYY-MM-DD, Asia/Shanghai' })
  @ApiQuery({ name: 'source', required: false, enum: SOURCES })
  @ApiQuery({ name: 'limit', required: false, description: 'default 200, at most 5000' })
  list(
    @Query('cause') cause?: string,
    @Query('status') status?: string,
    @Query('orderId') orderId?: string,
    @Query('businessDate') businessDate?: string,
    @Query('source') source?: string,
    @Query('limit') limit?: string,
  ): Promise<QueueItemDto[]> {
    return this.queue.list({
      cause: cause || undefined,
      status: oneOf('status', status, STATUSES),
      orderId: orderId || undefined,
      businessDate: dateOf(businessDate),
      source: oneOf('source', source, SOURCES),
      limit: limitOf(limit),
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: QueueItemDetailDto })
  get(@Param('id') id: string): Promise<QueueItemDetailDto> {
    return this.queue.get(id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: AuditEntryDto })
  claim(@Param('id') id: string, @Body() body: ReviewActorDto): Promise<AuditEntryDto> {
    return this.queue.claim(id, String(body?.actor ?? ''));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: AuditEntryDto })
  release(@Param('id') id: string, @Body() body: ReviewActorDto): Promise<AuditEntryDto> {
    return this.queue.release(id, String(body?.actor ?? ''));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: AuditEntryDto })
  resolve(@Param('id') id: string, @Body() body: ResolveReviewItemDto): Promise<AuditEntryDto> {
    return this.queue.resolve(id, String(body?.actor ?? ''), String(body?.reason ?? ''));
  }
}
