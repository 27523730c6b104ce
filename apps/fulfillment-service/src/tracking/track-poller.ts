import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '@oms/postgres';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { ShipmentRepository } from './shipment.repository';
import type { StatusLagDetector } from './status-lag.detector';
import type { TrackIngestService } from './track-ingest.service';

/**
 * Polls the carriers' query APIs for shipments still moving, so a lost push (or a carrier that
 * only answers queries) still catches up. A carrier down through every recorded attempt is
 * skipped until the next round. Each round ends with the status-lag check.
 */
export class TrackPoller {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly carriers: CarrierRegistry,
    private readonly shipments: ShipmentRepository,
    private readonly ingest: TrackIngestService,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly lagDetector: StatusLagDetector,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.round ??= this.pollOnce().then(() => undefined).finally(() => (this.round = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One round over every open shipment; answers how many shipments were polled. */
  async pollOnce(): Promise<number> {
    const open = await this.shipments.open(this.pool);
    for (const shipment of open) {
      try {
        const route = await this.carriers.forCarrier(shipment.carrier).queryRoute(shipment.trackingNumber as string, shipment.carrier, shipment.orderIds[0] ?? null);
        if (route.length > 0) await withTransaction(this.pool, (tx) => this.ingest.ingest(route, 'poll', tx));
      } catch (error) {
        this.logger.warn({ trackingNumber: shipment.trackingNumber, error: String(error) }, 'poll failed; retried next round');
      }
    }
    // After catching up with the carriers: orders whose state still has not followed them.
    await this.lagDetector.checkOnce().catch((error: unknown) => this.logger.warn({ error: String(error) }, 'status-lag check failed'));
    return open.length;
  }
}
