import type { IncomingMessage } from 'node:http';
import { Controller, Inject, NotFoundException, Param, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { withTransaction } from '@oms/postgres';
import { MalformedPushError } from '../carriers/carrier-adapter';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { TrackIngestService } from '../tracking/track-ingest.service';

/**
 * The carriers' push endpoints, one per tracking source, each answering in its carrier's own
 * acknowledgement format. 200 only once the tracks are durable; a body that cannot be read gets
 * 400 with the reason and nothing is written; a failure on our side is a 5xx, so the carrier
 * pushes again (duplicates are harmless).
 */
/** The part of Express's response the controller uses (the app runs on platform-express). */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

@ApiTags('carrier push')
@Controller('carriers')
export class CarrierPushController {
  constructor(
    private readonly carriers: CarrierRegistry,
    private readonly tracks: TrackIngestService,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  @Post(':source/push')
  @ApiOperation({ summary: "A carrier's track push in its own format (SF route push JSON, ZTO JSON, JD JSON, Kuaidi100 form param=...)" })
  @ApiParam({ name: 'source', enum: ['sf', 'zto', 'jd', 'kuaidi100'] })
  async push(@Param('source') source: string, @Req() request: RawBodyRequest<IncomingMessage>, @Res() response: JsonResponse): Promise<void> {
    const adapter = this.carriers.forSource(source);
    if (!adapter) throw new NotFoundException(`no carrier push endpoint for ${source}`);
    const body = request.rawBody?.toString('utf8') ?? '';
    let parsed;
    try {
      parsed = adapter.parsePush(body);
    } catch (error) {
      if (!(error instanceof MalformedPushError)) throw error;
      const nack = adapter.acknowledge(false, error.message);
      response.status(nack.status).json(nack.body);
      return;
    }
    const tracks = parsed;
    await withTransaction(this.pool, (tx) => this.tracks.ingest(tracks, 'push', tx));
    const ack = adapter.acknowledge(true);
    response.status(ack.status).json(ack.body);
  }
}
