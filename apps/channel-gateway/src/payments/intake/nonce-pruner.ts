import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, PG_POOL } from '../../infrastructure/tokens';
import { MAX_CLOCK_SKEW_SECONDS } from '../wechatpay/wechatpay-signature.verifier';
import { NotificationNonceRepository } from './notification-nonce.repository';

const PRUNE_EVERY_MS = 60_000;
// A nonce can only be replayed while its timestamp is inside the window; keep it twice as long.
const KEEP_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000;

/** Deletes nonces too old to be replayed, once a minute, so the table stays small. */
@Injectable()
export class NoncePruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoncePruner.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly nonces: NotificationNonceRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pruning pass; failures are logged and retried at the next tick. */
  async prune(): Promise<number> {
    try {
      return await this.nonces.pruneSeenBefore(this.pool, this.clock.now() - KEEP_MS);
    } catch (error) {
      this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'nonce pruning failed');
      return 0;
    }
  }
}
