import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics, type DecodedRecord } from '@oms/contracts';
import { PoisonMessageError, type ConsumedMessage } from '@oms/messaging';
import { KafkaMessageContext } from '@oms/nest-kit';
import { CARRIER_TRACKS_TRANSPORT, ORDER_LOG_TRANSPORT } from '../app/transports';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { ClockSkewMonitor } from '../clocks/clock-skew.monitor';
import { WmsScanService } from '../scans/wms-scan.service';
import { TrackIngestService } from '../tracking/track-ingest.service';
import { causationOf } from './causation';
import { CommitBatches } from './commit-batches';
import { parsedTrackOf } from './carrier-track.translator';
import { OrderLogService } from './order-log.service';

/** The topics fulfillment-service consumes: the order log, the carriers' tracks and the WMS scans. */
@Controller()
export class FulfillmentIngressHandler {
  constructor(
    private readonly orderLog: OrderLogService,
    private readonly tracks: TrackIngestService,
    private readonly carriers: CarrierRegistry,
    private readonly scans: WmsScanService,
    private readonly batches: CommitBatches,
    private readonly clocks: ClockSkewMonitor,
  ) {}

  @EventPattern(Topics.orderEvents, ORDER_LOG_TRANSPORT)
  async orderEvent(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    // order-service's relay stamps each record with its clock: a stamp from our future is skew.
    await this.clocks.checkRecord(`${message.topic} producer`, message.timestamp);
    return this.orderLog.handle(message, context.getTransaction());
  }

  @EventPattern(Topics.ingressCarrierTracks, CARRIER_TRACKS_TRANSPORT)
  async carrierTrack(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'CarrierTrack') throw new PoisonMessageError(`${message.topic} carries CarrierTrack, not ${record.recordName}`);
    const incoming = { track: parsedTrackOf(record.value, this.carriers.forCarrier(record.value.carrier)), causation: causationOf(message) };
    const tx = context.getTransaction();
    // Written with the rest of the chunk just before it commits (one statement per step for the
    // chunk); at once when the transaction takes no deferred work.
    if (!this.batches.add(tx, 'carrier-tracks', incoming, (chunk, client) => this.tracks.ingestMany(chunk, 'kafka', client))) await this.tracks.ingestMany([incoming], 'kafka', tx);
  }

  @EventPattern(Topics.ingressWmsScans, ORDER_LOG_TRANSPORT)
  async wmsScan(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'WmsScan') throw new PoisonMessageError(`${message.topic} carries WmsScan, not ${record.recordName}`);
    await this.scans.record(context.getTransaction(), record.value, causationOf(message));
  }
}
