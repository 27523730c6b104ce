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
};
