import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics, type DecodedRecord } from '@oms/contracts';
import { PoisonMessageError, type ConsumedMessage } from '@oms/messaging';
import { KafkaMessageContext } from '@oms/nest-kit';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { WmsScanService } from '../scans/wms-scan.service';
import { TrackIngestService } from '../tracking/track-ingest.service';
import { causationOf } from './causation';
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
  ) {}

  @EventPattern(Topics.orderEvents)
  orderEvent(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.orderLog.handle(message, context.getTransaction());
  }

  @EventPattern(Topics.ingressCarrierTracks)
  async carrierTrack(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'CarrierTrack') throw new PoisonMessageError(`${message.topic} carries CarrierTrack, not ${record.recordName}`);
    const track = parsedTrackOf(record.value, this.carriers.forCarrier(record.value.carrier));
    await this.tracks.ingest([track], 'kafka', context.getTransaction(), causationOf(message));
  }

  @EventPattern(Topics.ingressWmsScans)
  async wmsScan(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'WmsScan') throw new PoisonMessageError(`${message.topic} carries WmsScan, not ${record.recordName}`);
    await this.scans.record(context.getTransaction(), record.value, causationOf(message));
  }
}
