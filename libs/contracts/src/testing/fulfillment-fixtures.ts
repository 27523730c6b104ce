import type { recordNamesByFolder, RecordTypes } from '../generated';
import { epochMs, fixtureIds as id, fixtureStockLines, fixtureTimes as t } from './fixture-values';

type FulfillmentName = (typeof recordNamesByFolder)['fulfillment'][number];

/** Realistic sample values of the fulfillment records. */
export const fulfillmentFixtures: { [N in FulfillmentName]: RecordTypes[N] } = {
  InventoryReservationResult: {
    orderId: id.orderId,
    reservationId: id.reservationId,
    outcome: 'RESERVED',
    failureReason: null,
    failureDetail: null,
    lines: fixtureStockLines,
    wmsRequestId: 'wms-req-55e7a1',
    expiresAt: epochMs('2024-06-18T11:31:06.210+08:00'),
    expiresAtText: '2024-06-18T11:31:06.210+08:00',
    decidedAt: epochMs(t.reserved),
    decidedAtText: t.reserved,
  },
  SandboxValidationResult: {
    orderId: id.orderId,
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 1,
    passed: true,
    checks: [
      { subOrderId: 'S1', api: 'WAREHOUSE_INVENTORY', passed: true, detail: 'available 12 ≥ 2 at WH-HZ-01', callId: 'call-7f3a01' },
      { subOrderId: 'S1', api: 'CARRIER_WAYBILL', passed: true, detail: 'SF dry run: waybill number available', callId: 'call-7f3a02' },
      { subOrderId: 'S1', api: 'E_WAYBILL', passed: true, detail: 'e-waybill template accepted', callId: 'call-7f3a03' },
    ],
    validatedAt: epochMs('2024-06-18T10:33:10.900+08:00'),
    validatedAtText: '2024-06-18T10:33:10.900+08:00',
  },
  ShipmentStatusChanged: {
    orderId: id.orderId,
    dispatchPlanId: id.dispatchPlanId,
    subOrderId: 'S1',
    carrier: 'SF',
    trackingSource: 'SF',
    trackingNumber: 'SF1402398573417',
    status: 'IN_TRANSIT',
    subStatus: 'TRUNK',
    orderStage: 'SHIPPED',
    carrierStatusCode: '31',
    carrierStatusText: '快件到达【杭州萧山转运中心】',
    authoritativeStatusCode: '31',
    authoritativeStatusText: '运输中',
    trackCredibilityScore: 100,
    occurredAt: epochMs('2024-06-18T18:40:00+08:00'),
    occurredAtText: '2024-06-18T18:40:00+08:00',
    recordedAt: epochMs('2024-06-18T18:40:01.250+08:00'),
    recordedAtText: '2024-06-18T18:40:01.250+08:00',
  },
  FulfillmentReviewItemRaised: {
    orderId: id.orderId,
    reviewItemId: 'fri_7f3a0142',
    cause: 'UNKNOWN_CARRIER_STATUS',
    dispatchPlanId: id.dispatchPlanId,
    carrier: 'ZTO',
    trackingNumber: '73100012345678',
    detail: 'ZTO scanType CUSTOMS_HOLD is not in the ZTO status dictionary',
    rawPayload: '{"billCode":"73100012345678","scanType":"CUSTOMS_HOLD","scanDate":"2024-06-18 20:12:00"}',
    raisedAt: epochMs('2024-06-18T20:12:01.400+08:00'),
    raisedAtText: '2024-06-18T20:12:01.400+08:00',
  },
};
