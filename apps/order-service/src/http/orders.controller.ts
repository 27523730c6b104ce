import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AsOfPipe } from './as-of.pipe';
import { OrderEventViewDto, OrderViewDto } from './order-views.dto';
import { OrderQueryService, type OrderEventView, type OrderView } from './order-query.service';

/** The read and audit API: an order's state (now or at an instant) and its full history. */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderQueryService) {}

  @Get(':id')
  @ApiOperation({ summary: 'The order as its events make it now, or as recorded at asOf' })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO-8601 date-time with offset, e.g. 2024-06-18T10:31:05+08:00' })
  @ApiOkResponse({ type: OrderViewDto })
  @ApiBadRequestResponse({ description: 'asOf is not an ISO-8601 date-time with offset' })
  @ApiNotFoundResponse({ description: 'no such order (at that instant)' })
  state(@Param('id') id: string, @Query('asOf', AsOfPipe) asOf: number | undefined): Promise<OrderView> {
    return this.orders.state(id, asOf);
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The order's events in stream order, with metadata, hashes (hex) and decoded payloads" })
  @ApiOkResponse({ type: [OrderEventViewDto] })
  @ApiNotFoundResponse({ description: 'no such order' })
  events(@Param('id') id: string): Promise<OrderEventView[]> {
    return this.orders.history(id);
  }
}
