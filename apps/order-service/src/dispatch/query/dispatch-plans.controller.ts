import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@oms/order-domain';
import { CurrentActor } from '../../http/current-actor.decorator';
import { JwtGuard } from '../../http/jwt.guard';
import { ReplanService } from '../planning/replan.service';
import { DispatchPlanQuery } from './dispatch-plan.query';
import { DispatchPlanViewDto, ReplanDto, ReplanOutcomeDto } from './dispatch-plan.dto';
import { UnmatchedScansPageDto } from './unmatched-scans.dto';
import { MAX_PAGE_SIZE, UnmatchedScansQuery } from './unmatched-scans.query';

/** Dispatch plan traceability: scan a plan id back to the decision that routed the parcel. */
@ApiTags('dispatch plans')
@Controller('dispatch-plans')
export class DispatchPlansController {
  constructor(
    private readonly plans: DispatchPlanQuery,
    private readonly replans: ReplanService,
    private readonly unmatchedScans: UnmatchedScansQuery,
  ) {}

  // Declared before `:id`, which would otherwise take "unmatched-scans" for a plan id.
  @Get('unmatched-scans')
  @ApiOperation({ summary: 'Scans whose dispatch plan id no plan has, newest first, each with the scan as sent — flagged for a person, never dropped' })
  @ApiQuery({ name: 'limit', required: false, description: `page size, 1–${MAX_PAGE_SIZE} (default 50)` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ type: UnmatchedScansPageDto })
  @ApiBadRequestResponse({ description: 'limit out of range, or a cursor this endpoint did not return' })
  listUnmatchedScans(@Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    return this.unmatchedScans.page(limit, cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The plan, every version and why it was made (vectors, grouping, similarity scores, sandbox answers), and every scan in time order — rebuilt from the order log' })
  @ApiOkResponse({ type: DispatchPlanViewDto })
  @ApiNotFoundResponse({ description: 'no plan has this id (scans carrying it are kept as unmatched)' })
  view(@Param('id') id: string) {
    return this.plans.view(id);
  }

  @Post(':id/replan')
  @HttpCode(200)
  @UseGuards(JwtGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose a new version of the plan from its orders as they are now (sandbox-validated; a failure falls back to the version in force)' })
  @ApiOkResponse({ type: ReplanOutcomeDto })
  @ApiUnauthorizedResponse({ description: 'no valid bearer token' })
  @ApiForbiddenResponse({ description: 'only warehouse_manager or customer_service_supervisor' })
  @ApiNotFoundResponse({ description: 'no such plan' })
  @ApiConflictResponse({ description: 'a version is still awaiting its sandbox answer, or an order has shipped' })
  replan(@Param('id') id: string, @CurrentActor() actor: Actor, @Body() body: ReplanDto) {
    return this.replans.replan(id, actor, body?.reason);
  }
}
