import { applyDecorators, BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ActingReviewer } from '../auth/acting-reviewer.decorator';
import { FinanceReviewerGuard } from '../auth/finance-reviewer.guard';
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

/** What every review action shares: the finance_reviewer guard and its OpenAPI description. */
function ReviewerAction(): MethodDecorator {
  return applyDecorators(
    UseGuards(FinanceReviewerGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no bearer token, or it does not verify (HS256, JWT_SECRET)' }),
    ApiForbiddenResponse({ description: "the token's role is not finance_reviewer, or the body names an actor other than its subject" }),
    ApiNotFoundResponse({ description: 'no such review item' }),
  );
}

/**
 * The operators' single review queue: reconciliation's items, order-service's and
 * fulfillment-service's. Reads are open, as order-service's read/audit API is; every action needs
 * a `finance_reviewer` bearer token, and its subject is the actor the audit trail records.
 */
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
  @ReviewerAction()
  @ApiBody({ type: ReviewActorDto, required: false })
  @ApiOkResponse({ type: AuditEntryDto })
  @ApiConflictResponse({ description: 'claimed by another operator, or resolved' })
  claim(@Param('id') id: string, @ActingReviewer() reviewer: string): Promise<AuditEntryDto> {
    return this.queue.claim(id, reviewer);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ReviewerAction()
  @ApiBody({ type: ReviewActorDto, required: false })
  @ApiOkResponse({ type: AuditEntryDto })
  @ApiConflictResponse({ description: "not claimed by the token's subject" })
  release(@Param('id') id: string, @ActingReviewer() reviewer: string): Promise<AuditEntryDto> {
    return this.queue.release(id, reviewer);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ReviewerAction()
  @ApiOkResponse({ type: AuditEntryDto })
  @ApiBadRequestResponse({ description: 'no reason' })
  @ApiConflictResponse({ description: 'claimed by another operator, or already resolved' })
  resolve(@Param('id') id: string, @ActingReviewer() reviewer: string, @Body() body: ResolveReviewItemDto): Promise<AuditEntryDto> {
    return this.queue.resolve(id, reviewer, String(body?.reason ?? ''));
  }
}
