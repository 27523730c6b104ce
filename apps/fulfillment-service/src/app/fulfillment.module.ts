import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { EventStore } from '@oms/event-store';
import { CallLogRepository } from '../calls/call-log.repository';
import { RecordedHttpClient } from '../calls/recorded-http.client';
import { CarrierRegistry } from '../carriers/carrier-registry';
import { ClockSkewMonitor } from '../clocks/clock-skew.monitor';
import { JdAdapter } from '../carriers/jd/jd.adapter';
import { Kuaidi100Adapter } from '../carriers/kuaidi100/kuaidi100.adapter';
import { SfAdapter } from '../carriers/sf/sf.adapter';
import { ZtoAdapter } from '../carriers/zto/zto.adapter';
import type { FulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { CarrierPushController } from '../http/carrier-push.controller';
import { FulfillmentQueriesController } from '../http/fulfillment-queries.controller';
import { FulfillmentIngressHandler } from '../ingress/fulfillment-ingress.handler';
import { OrderLogService } from '../ingress/order-log.service';
import { ConsigneeRepository } from '../orders/consignee.repository';
import { FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import { InventoryReservationService } from '../reservation/inventory-reservation.service';
import { ReviewItemsRepository } from '../review/review-items.repository';
import { WmsScanRepository } from '../scans/wms-scan.repository';
import { WmsScanService } from '../scans/wms-scan.service';
import { SandboxValidationService } from '../sandbox/sandbox-validation.service';
import { OrderStageRepository } from '../tracking/order-stage.repository';
import { ShipmentStatusPublisher } from '../tracking/shipment-status.publisher';
import { StatusLagDetector } from '../tracking/status-lag.detector';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { AuthoritativeStatus } from '../tracking/authoritative-status';
import { TrackIngestService } from '../tracking/track-ingest.service';
import { TrackPoller } from '../tracking/track-poller';
import { TrackRepository } from '../tracking/track.repository';
import { WarehouseClient } from '../warehouse/warehouse.client';
import { WaybillService } from '../waybills/waybill.service';
import { APP_LOGGER, FULFILLMENT_CONFIG } from './tokens';

/** Wires the fulfilment side: recorded HTTP, adapters, repositories, services, handlers, controllers. */
@Module({
  controllers: [FulfillmentIngressHandler, CarrierPushController, FulfillmentQueriesController],
  providers: [
    { provide: CallLogRepository, inject: [Pool], useFactory: (pool: Pool) => new CallLogRepository(pool) },
    {
      provide: RecordedHttpClient,
      inject: [CallLogRepository, FULFILLMENT_CONFIG],
      useFactory: (log: CallLogRepository, config: FulfillmentServiceConfig) => new RecordedHttpClient(log, { maxAttempts: config.CALL_MAX_ATTEMPTS, backoffMs: config.CALL_BACKOFF_MS, timeoutMs: config.CALL_TIMEOUT_MS }),
    },
    {
      provide: CarrierRegistry,
      inject: [RecordedHttpClient, FULFILLMENT_CONFIG],
      useFactory: (http: RecordedHttpClient, config: FulfillmentServiceConfig) =>
        new CarrierRegistry([new SfAdapter(http, config.SF_API_URL), new ZtoAdapter(http, config.ZTO_API_URL), new JdAdapter(http, config.JD_API_URL), new Kuaidi100Adapter(http, config.KUAIDI100_API_URL)]),
    },
    {
      provide: WarehouseClient,
      inject: [RecordedHttpClient, FULFILLMENT_CONFIG],
      useFactory: (http: RecordedHttpClient, config: FulfillmentServiceConfig) => new WarehouseClient(http, config.WAREHOUSE_API_URL, config.E_WAYBILL_API_URL),
    },
    { provide: EventStore, inject: [Pool], useFactory: (pool: Pool) => new EventStore(pool) },
    { provide: FulfillmentPublisher, inject: [EventStore], useFactory: (store: EventStore) => new FulfillmentPublisher(store) },
    { provide: ConsigneeRepository, useValue: new ConsigneeRepository() },
    { provide: ShipmentRepository, useValue: new ShipmentRepository() },
    { provide: TrackRepository, useValue: new TrackRepository() },
    { provide: WmsScanRepository, useValue: new WmsScanRepository() },
    {
      provide: WmsScanService,
      inject: [WmsScanRepository, ShipmentRepository, ReviewItemsRepository],
      useFactory: (scans: WmsScanRepository, shipments: ShipmentRepository, reviews: ReviewItemsRepository) => new WmsScanService(scans, shipments, reviews),
    },
    { provide: ReviewItemsRepository, inject: [Pool, FulfillmentPublisher], useFactory: (pool: Pool, publisher: FulfillmentPublisher) => new ReviewItemsRepository(pool, publisher) },
    { provide: InventoryReservationService, inject: [WarehouseClient, FulfillmentPublisher], useFactory: (warehouse: WarehouseClient, publisher: FulfillmentPublisher) => new InventoryReservationService(warehouse, publisher) },
    {
      provide: SandboxValidationService,
      inject: [WarehouseClient, CarrierRegistry, ConsigneeRepository, FulfillmentPublisher],
      useFactory: (warehouse: WarehouseClient, carriers: CarrierRegistry, consignees: ConsigneeRepository, publisher: FulfillmentPublisher) => new SandboxValidationService(warehouse, carriers, consignees, publisher),
    },
    {
      provide: WaybillService,
      inject: [CarrierRegistry, ConsigneeRepository, ShipmentRepository, ReviewItemsRepository],
      useFactory: (carriers: CarrierRegistry, consignees: ConsigneeRepository, shipments: ShipmentRepository, reviews: ReviewItemsRepository) => new WaybillService(carriers, consignees, shipments, reviews),
    },
    { provide: OrderStageRepository, useValue: new OrderStageRepository() },
    {
      provide: ShipmentStatusPublisher,
      inject: [ShipmentRepository, FulfillmentPublisher, OrderStageRepository],
      useFactory: (shipments: ShipmentRepository, publisher: FulfillmentPublisher, stages: OrderStageRepository) => new ShipmentStatusPublisher(shipments, publisher, stages),
    },
    {
      provide: StatusLagDetector,
      inject: [Pool, OrderStageRepository, ReviewItemsRepository, FULFILLMENT_CONFIG],
      useFactory: (pool: Pool, stages: OrderStageRepository, reviews: ReviewItemsRepository, config: FulfillmentServiceConfig) => new StatusLagDetector(pool, stages, reviews, config.STATUS_LAG_ALERT_MS),
    },
    {
      provide: ClockSkewMonitor,
      inject: [Pool, ReviewItemsRepository, APP_LOGGER, FULFILLMENT_CONFIG],
      useFactory: (pool: Pool, reviews: ReviewItemsRepository, logger: Logger, config: FulfillmentServiceConfig) =>
        new ClockSkewMonitor(pool, reviews, logger.child({ component: 'clocks' }), { toleranceMs: config.CLOCK_SKEW_TOLERANCE_MS, intervalMs: config.CLOCK_SKEW_CHECK_INTERVAL_MS }),
    },
    { provide: AuthoritativeStatus, inject: [CarrierRegistry, APP_LOGGER], useFactory: (carriers: CarrierRegistry, logger: Logger) => new AuthoritativeStatus(carriers, logger.child({ component: 'tracking' })) },
    {
      provide: TrackIngestService,
      inject: [CarrierRegistry, AuthoritativeStatus, ShipmentRepository, TrackRepository, ReviewItemsRepository, ShipmentStatusPublisher],
      useFactory: (carriers: CarrierRegistry, authority: AuthoritativeStatus, shipments: ShipmentRepository, tracks: TrackRepository, reviews: ReviewItemsRepository, status: ShipmentStatusPublisher) =>
        new TrackIngestService(carriers, authority, shipments, tracks, reviews, status),
    },
    {
      provide: TrackPoller,
      inject: [Pool, CarrierRegistry, ShipmentRepository, TrackIngestService, APP_LOGGER, FULFILLMENT_CONFIG, StatusLagDetector],
      useFactory: (pool: Pool, carriers: CarrierRegistry, shipments: ShipmentRepository, ingest: TrackIngestService, logger: Logger, config: FulfillmentServiceConfig, lag: StatusLagDetector) =>
        new TrackPoller(pool, carriers, shipments, ingest, logger.child({ component: 'poller' }), config.TRACK_POLL_INTERVAL_MS, lag),
    },
    {
      provide: OrderLogService,
      inject: [ConsigneeRepository, InventoryReservationService, SandboxValidationService, WaybillService, OrderStageRepository],
      useFactory: (consignees: ConsigneeRepository, reservations: InventoryReservationService, sandbox: SandboxValidationService, waybills: WaybillService, stages: OrderStageRepository) =>
        new OrderLogService(consignees, reservations, sandbox, waybills, stages),
    },
  ],
  exports: [TrackPoller, StatusLagDetector, ClockSkewMonitor],
})
export class FulfillmentModule {}
