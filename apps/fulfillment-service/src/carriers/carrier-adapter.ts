import type { Address, CarrierCode } from '@oms/contracts';
import type { CarrierInstant, StatusDictionary } from '@oms/fulfillment-domain';

/** Whose API reports a shipment's tracks: a carrier's own, or the aggregator's (Kuaidi100). */
export type TrackingSource = 'SF' | 'ZTO' | 'JD' | 'KUAIDI100';

/** A carrier event in our terms, the carrier's own code and wording kept verbatim. */
export interface ParsedTrack {
  source: TrackingSource;
  carrier: CarrierCode;
  trackingNumber: string;
  carrierStatusCode: string;
  carrierStatusText: string;
  description: string;
  location: string | null;
  /** Payload values a dictionary rule may decide by (SF `nodeType`). */
  facts: Record<string, string | undefined>;
  occurredAt: CarrierInstant;
  merchantOrderRef: string | null;
  /** This event's part of the carrier's message, exactly as received. */
  rawPayload: string;
}

/**
 * Extended fields every waybill request carries (each carrier spells them its own way: SF
 * `extraInfoList`, ZTO `extInfo`, JD `extendFields`, Kuaidi100 `ext`).
 */
export interface WaybillExtendedFields {
  /** The consignee phone passed the carrier's verification API just before this request. */
  consignee_phone_verified: boolean;
  /** Latest delivery the SLA allows, ISO-8601 with offset. */
  delivery_deadline: string;
  /** Our plan id, printed on the label so every scan carries it back. */
  dispatch_plan_id: string;
  sub_order_id: string;
  sla_hours: number;
  customs_clearance_required: boolean;
  declared_weight_grams: number;
}

/** What a waybill (or its dry run) is requested with. */
export interface WaybillRequest {
  orderId: string;
  carrier: CarrierCode;
  /** Our reference the carrier echoes (`<dispatchPlanId>-<subOrderId>`). */
  merchantOrderRef: string;
  warehouseId: string;
  consignee: { name: string; phone: string; address: Address };
  extended: WaybillExtendedFields;
}

/** A carrier's answer to a waybill request. */
export interface WaybillAnswer {
  accepted: boolean;
  trackingNumber: string | null;
  detail: string;
  callId: string;
}

/** A carrier's answer to a phone verification. */
export interface PhoneVerification {
  verified: boolean;
  detail: string;
  rawResponse: string;
  callId: string;
}

/** A waybill to query, with the orders it carries (for the call log). */
export interface WaybillRef {
  trackingNumber: string;
  carrier: CarrierCode;
  orderIds: string[];
}

/** What the push endpoint answers the carrier, in the carrier's own acknowledgement format. */
export interface PushAcknowledgement {
  status: number;
  body: unknown;
}

/**
 * One carrier API (or the aggregator's) in our terms. Adapters translate formats, times and
 * codes; they never decide a status (the carrier's dictionary does) and make every call through
 * the recorded client.
 */
export interface CarrierAdapter {
  readonly source: TrackingSource;
  /** Carriers whose shipments go through this API. */
  readonly carriers: readonly CarrierCode[];
  readonly dictionary: StatusDictionary;
  verifyPhone(request: WaybillRequest): Promise<PhoneVerification>;
  /** Requests a waybill; `dryRun` validates it without creating one (sandbox). */
  requestWaybill(request: WaybillRequest, dryRun: boolean): Promise<WaybillAnswer>;
  /** The carrier's route as its query API returns it, oldest first: the last one is the authoritative current status. */
  queryRoute(trackingNumber: string, carrier: CarrierCode, orderId: string | null): Promise<ParsedTrack[]>;
  /**
   * The routes of several waybills in as few calls as the carrier's query API allows (SF: up to
   * ten per request), keyed by tracking number. Adapters whose API takes one waybill per call
   * leave it out.
   */
  queryRoutes?(waybills: WaybillRef[]): Promise<Map<string, ParsedTrack[]>>;
  /** The tracks of one push request; throws {@link MalformedPushError} for a body it cannot read. */
  parsePush(body: string): ParsedTrack[];
  acknowledge(accepted: boolean, reason?: string): PushAcknowledgement;
}

/** A push body the adapter cannot read: answered 400 with the reason, nothing written. */
export class MalformedPushError extends Error {
  constructor(source: TrackingSource, reason: string) {
    super(`${source} push: ${reason}`);
    this.name = 'MalformedPushError';
  }
}
