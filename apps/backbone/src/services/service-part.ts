import type { Logger } from 'pino';
import type { BackboneBus } from '../infrastructure/backbone-bus';
import type { ScenarioClock } from '../infrastructure/scenario-clock';
import type { DemoMerchant } from '../infrastructure/demo-merchant';
import type { SummarySection } from '../summary/summary-section';

/** What the simulators publish at start: where they are and the keys the gateway must trust. */
export interface PublishedSimulators {
  url: string;
  wechatpaySerial: string;
  wechatpayPublicKeyPem: string;
  alipayPublicKeyPem: string;
}

/** What every part gets to start in this process. Parts started earlier fill in what later ones need. */
export interface PartStartContext {
  databaseUrl: string;
  bus: BackboneBus;
  merchant: DemoMerchant;
  /** Every service's logs go here (a file), so the terminal shows progress only. */
  logger: Logger;
  /** Where the reconciliation report files go. */
  reportDir: string;
  /** "Now" for the services that take a clock (moved to the next morning for the 09:00 report). */
  clock: ScenarioClock;
  /** A directory of this run's own (files handed to services, such as the SKU catalog). */
  workDir: string;
  /** Set by the simulators part. */
  simulators?: PublishedSimulators;
  /** Set by the logistics simulators part: where the WMS and carriers are, and where carriers push. */
  logistics?: { url: string; setPushBaseUrl(url: string): void };
}

/** A started part: its HTTP base URL (none for a part without an API) and how to stop it. */
export interface RunningPart {
  url?: string;
  /** The business day is over: the next morning's 09:00 Asia/Shanghai work (the report). */
  endOfDay?(businessDate: string): Promise<void>;
  /** The carrier pushes an undocumented status code for this waybill (carrier simulators in this process). */
  pushUndocumentedStatus?(trackingNumber: string): Promise<void>;
  stop(): Promise<void>;
}

/** Where the running services are, by part name (in one process or as separate processes). */
export type Endpoints = Readonly<Record<string, string>>;

/** What a part's summary contribution may read: its own HTTP API, and the database it owns. */
export interface SummaryContext {
  endpoints: Endpoints;
  databaseUrl: string;
  /** Only facts recorded since then belong to this run (a shared database keeps older runs). */
  runStartedAt: Date;
  /** Where reconciliation-service writes its report files for this run. */
  reportDir?: string;
  /** order-service's schema, when not its default (multi-process mode gives each run its own). */
  orderServiceSchema?: string;
}

/**
 * One service of the backbone, as the main job sees it: how to start it in this process, and what
 * it adds to the summary (read from its own API and tables, never from the driver's counts). A
 * service whose app is not on disk yet is listed with `available: false`, so the summary says
 * "not available: <name>" instead of pretending.
 */
export interface ServicePart {
  readonly name: string;
  readonly available: boolean;
  /** Why it is not available (shown in the summary). */
  readonly unavailableReason?: string;
  start(context: PartStartContext): Promise<RunningPart>;
  summarize?(context: SummaryContext): Promise<SummarySection>;
}
