import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { KafkaMessageContext } from '@oms/nest-kit';
import { commandContextOf } from '../../ingress/command-context';
import { expectRecord, type IngressMessage } from '../../ingress/ingress-record';
import { WmsScanService } from './wms-scan.service';

/** `oms.ingress.wms-scans.v1` (WmsScan, keyed by dispatch plan id) → the plan's trail on the order log. */
@Controller()
export class WmsScanHandler {
  constructor(private readonly scans: WmsScanService) {}

  @EventPattern(Topics.ingressWmsScans)
  scan(@Payload() message: IngressMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    const { value } = expectRecord(message, 'WmsScan');
    return this.scans.record(value, commandContextOf(message, 'wms'), context.getTransaction());
  }
}
