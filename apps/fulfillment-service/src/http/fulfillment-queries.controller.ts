import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { consistentHistory } from '@oms/fulfillment-domain';
import { CallLogRepository, type CallLogEntry } from '../calls/call-log.repository';
import { ReviewItemsRepository, type StoredReviewItem } from '../review/review-items.repository';
import { WmsScanRepository, type ScanRow } from '../scans/wms-scan.repository';
import { ShipmentRepository, type Shipment } from '../tracking/shipment.repository';
import { TrackRepository, type TrackRow } from '../tracking/track.repository';

/** Read API: the call log, shipments with their track history, WMS scans of a plan, review items. */
@ApiTags('fulfillment')
@Controller()
export class FulfillmentQueriesController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    private readonly calls: CallLogRepository,
    private readonly shipments: ShipmentRepository,
    private readonly tracks: TrackRepository,
    private readonly reviews: ReviewItemsRepository,
    private readonly scans: WmsScanRepository,
  ) {}

  @Get('calls')
  @ApiOperation({ summary: 'Every warehouse and carrier call attempt (request, response, HTTP status, duration, attempt) of an order or a waybill' })
  @ApiQuery({ name: 'orderId', required: false })
  @ApiQuery({ name: 'trackingNumber', required: false })
  callLog(@Query('orderId') orderId?: string, @Query('trackingNumber') trackingNumber?: string): Promise<CallLogEntry[]> {
    if (orderId) return this.calls.byOrder(orderId);
    if (trackingNumber) return this.calls.byTrackingNumber(trackingNumber);
    throw new BadRequestException('give orderId or trackingNumber');
  }

  @Get('shipments/:trackingNumber')
  @ApiOperation({ summary: 'A shipment, its current normalised status and its track history in carrier time, each event once' })
  async shipment(@Param('trackingNumber') trackingNumber: string): Promise<{ shipment: Shipment; history: TrackRow[] }> {
    const shipment = await this.shipments.findByTrackingNumber(this.pool, trackingNumber);
    if (!shipment) throw new NotFoundException(`no shipment with waybill ${trackingNumber}`);
    return { shipment, history: consistentHistory(await this.tracks.ofShipment(this.pool, trackingNumber)) };
  }

  @Get('scans')
  @ApiOperation({ summary: 'WMS scans carrying a dispatch plan id, oldest first' })
  @ApiQuery({ name: 'dispatchPlanId', required: true })
  planScans(@Query('dispatchPlanId') dispatchPlanId?: string): Promise<ScanRow[]> {
    if (!dispatchPlanId) throw new BadRequestException('give dispatchPlanId');
    return this.scans.ofPlan(this.pool, dispatchPlanId);
  }

  @Get('review-items')
  @ApiOperation({ summary: 'Fulfilment review items (unknown carrier codes, credibility audits, blocked waybills), newest first' })
  @ApiQuery({ name: 'orderId', required: false })
  reviewItems(@Query('orderId') orderId?: string): Promise<StoredReviewItem[]> {
    return this.reviews.list(orderId);
  }
}
