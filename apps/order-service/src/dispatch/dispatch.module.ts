import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { EventStore } from '@oms/event-store';
import { APP_LOGGER, ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { JwtGuard } from '../http/jwt.guard';
import { CommittedOrderCache } from '../orders/committed-order.cache';
import { OrderCommandService } from '../orders/order-command.service';
import { OrderStreamRepository } from '../orders/order-stream.repository';
import { OrdersModule } from '../orders/orders.module';
import { SkuCatalogController } from './catalog/sku-catalog.controller';
import { SkuCatalogService } from './catalog/sku-catalog.service';
import { SkuCatalogStore } from './catalog/sku-catalog.store';
import { windowMs } from './dispatch.config';
import { DispatchLifecycle } from './dispatch.lifecycle';
import { DispatchDecisionWorker } from './planning/dispatch-decision.worker';
import { DispatchPlanner } from './planning/dispatch-planner.service';
import { PendingDecisionRepository } from './planning/pending-decision.repository';
import { PlanVersionRepository } from './planning/plan-version.repository';
import { ReadyOrdersFeed } from './planning/ready-orders.feed';
import { ReplanService } from './planning/replan.service';
import { DispatchPlanQuery } from './query/dispatch-plan.query';
import { DispatchPlansController } from './query/dispatch-plans.controller';
import { UnmatchedScansQuery } from './query/unmatched-scans.query';
import { SandboxAnswerIngress } from './sandbox/sandbox-answer.ingress';
import { SandboxAnswerService } from './sandbox/sandbox-answer.service';
import { WmsScanHandler } from './scans/wms-scan.handler';
import { WmsScanService } from './scans/wms-scan.service';
import { DispatchTrailWriter } from './trail/dispatch-trail.writer';

const child = (logger: Logger) => logger.child({ component: 'dispatch' });

/**
 * The dispatch flow (pain point 3): the decision window over ready orders, proposals and sandbox
 * answers, issued plans on `oms.dispatch.v1`, the SKU catalog API, WMS scans and the plan lookup.
 * Wiring only; the decision is `@oms/dispatch-domain`.
 */
@Module({
  imports: [OrdersModule],
  controllers: [SkuCatalogController, DispatchPlansController, WmsScanHandler],
  providers: [
    JwtGuard,
    DispatchLifecycle,
    { provide: SkuCatalogStore, inject: [Pool], useFactory: (pool: Pool) => new SkuCatalogStore(pool) },
    { provide: PendingDecisionRepository, useValue: new PendingDecisionRepository() },
    { provide: PlanVersionRepository, useValue: new PlanVersionRepository() },
    {
      provide: DispatchTrailWriter,
      inject: [EventStore, OrderStreamRepository, CommittedOrderCache],
      useFactory: (store: EventStore, streams: OrderStreamRepository, committed: CommittedOrderCache) => new DispatchTrailWriter(store, streams, committed),
    },
    {
      provide: DispatchPlanner,
      inject: [SkuCatalogStore, PlanVersionRepository, PendingDecisionRepository, DispatchTrailWriter, ORDER_SERVICE_CONFIG, APP_LOGGER],
      useFactory: (catalog: SkuCatalogStore, versions: PlanVersionRepository, pending: PendingDecisionRepository, trail: DispatchTrailWriter, config: OrderServiceConfig, logger: Logger) =>
        new DispatchPlanner(catalog, versions, pending, trail, config.DISPATCH_PLAN_ID_SEED, child(logger)),
    },
    {
      provide: ReadyOrdersFeed,
      inject: [Pool, EventStore, PendingDecisionRepository, ORDER_SERVICE_CONFIG],
      useFactory: (pool: Pool, store: EventStore, pending: PendingDecisionRepository, config: OrderServiceConfig) => new ReadyOrdersFeed(pool, store, pending, windowMs(config.DISPATCH_DECISION_WINDOW)),
    },
    {
      provide: DispatchDecisionWorker,
      inject: [Pool, ReadyOrdersFeed, PendingDecisionRepository, OrderStreamRepository, DispatchPlanner, ReplanService, APP_LOGGER],
      useFactory: (pool: Pool, feed: ReadyOrdersFeed, pending: PendingDecisionRepository, streams: OrderStreamRepository, planner: DispatchPlanner, replans: ReplanService, logger: Logger) =>
        new DispatchDecisionWorker(pool, feed, pending, streams, planner, replans, child(logger)),
    },
    {
      provide: SandboxAnswerService,
      inject: [PlanVersionRepository, PendingDecisionRepository, DispatchTrailWriter, OrderCommandService, OrderStreamRepository, EventStore, APP_LOGGER],
      useFactory: (versions: PlanVersionRepository, pending: PendingDecisionRepository, trail: DispatchTrailWriter, orders: OrderCommandService, streams: OrderStreamRepository, store: EventStore, logger: Logger) =>
        new SandboxAnswerService(versions, pending, trail, orders, streams, store, child(logger)),
    },
    { provide: SandboxAnswerIngress, inject: [SandboxAnswerService], useFactory: (answers: SandboxAnswerService) => new SandboxAnswerIngress(answers) },
    {
      provide: WmsScanService,
      inject: [PlanVersionRepository, DispatchTrailWriter, APP_LOGGER],
      useFactory: (versions: PlanVersionRepository, trail: DispatchTrailWriter, logger: Logger) => new WmsScanService(versions, trail, child(logger)),
    },
    {
      provide: SkuCatalogService,
      inject: [SkuCatalogStore, PendingDecisionRepository, APP_LOGGER],
      useFactory: (store: SkuCatalogStore, pending: PendingDecisionRepository, logger: Logger) => new SkuCatalogService(store, (client) => pending.requeueBlocked(client), child(logger)),
    },
    { provide: DispatchPlanQuery, inject: [Pool, EventStore], useFactory: (pool: Pool, store: EventStore) => new DispatchPlanQuery(pool, store) },
    { provide: UnmatchedScansQuery, inject: [Pool], useFactory: (pool: Pool) => new UnmatchedScansQuery(pool) },
    {
      provide: ReplanService,
      inject: [Pool, EventStore, OrderStreamRepository, PlanVersionRepository, PendingDecisionRepository, DispatchPlanner],
      useFactory: (pool: Pool, store: EventStore, streams: OrderStreamRepository, versions: PlanVersionRepository, pending: PendingDecisionRepository, planner: DispatchPlanner) =>
        new ReplanService(pool, store, streams, versions, pending, planner),
    },
  ],
  exports: [SandboxAnswerIngress],
})
export class DispatchModule {}
