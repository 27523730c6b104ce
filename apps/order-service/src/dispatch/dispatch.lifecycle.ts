import { readFile } from 'node:fs/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { SkuCatalogService } from './catalog/sku-catalog.service';
import { DispatchDecisionWorker } from './planning/dispatch-decision.worker';

/**
 * Starts the dispatch flow once the app is up (the start-up catalog import, then the decision
 * worker) and stops the worker before the service's shutdown closes the database pool
 * (`onModuleDestroy` runs before every `onApplicationShutdown`).
 */
@Injectable()
export class DispatchLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private started?: Promise<void>;

  constructor(
    @Inject(ORDER_SERVICE_CONFIG) private readonly config: OrderServiceConfig,
    private readonly catalog: SkuCatalogService,
    private readonly worker: DispatchDecisionWorker,
  ) {}

  // Nest runs bootstrap hooks for the HTTP app and again for the connected microservice.
  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  private async start(): Promise<void> {
    const file = this.config.DISPATCH_CATALOG_FILE;
    if (file) {
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new Error(`DISPATCH_CATALOG_FILE ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      });
      await this.catalog.importAtStart(file, text);
    }
    if (this.config.DISPATCH_ENABLED) this.worker.start(this.config.DISPATCH_POLL_INTERVAL_MS);
  }
}
