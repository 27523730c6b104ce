import type { RecordTypes } from '../generated';
import { epochMs, fixtureIds as id } from './fixture-values';
import { orderEventHead as head } from './order-event-head';

type Name = 'DispatchProposalRejected' | 'DispatchScanRecorded';

/** Order events of the dispatch trail: a rejected proposal and a recorded WMS scan. */
export const dispatchTrailEventFixtures: { [N in Name]: RecordTypes[N] } = {
  DispatchProposalRejected: {
    ...head('2024-06-18T10:33:12.040+08:00'),
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 2,
    fallbackPlanVersion: 1,
    failures: [{ api: 'E_WAYBILL', subOrderId: 'S1', reason: 'e-waybill quota exhausted (code 1012)' }],
    sandboxAnswer: JSON.stringify({ passed: false, checks: [{ subOrderId: 'S1', api: 'E_WAYBILL', passed: false, detail: 'e-waybill quota exhausted (code 1012)', callId: 'call-7f3a09' }] }),
    validatedAt: epochMs('2024-06-18T10:33:11.980+08:00'),
    validatedAtText: '2024-06-18T10:33:11.980+08:00',
  },
  DispatchScanRecorded: {
    ...head('2024-06-18T15:40:02.115+08:00'),
    scanId: 'scan-hz01-000981',
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 1,
    currentPlanVersion: 1,
    subOrderId: 'S1',
    scanType: 'PACKED',
    warehouseId: id.warehouseId,
    stationId: 'PACK-07',
    operatorId: 'wh-op-113',
    carrier: 'SF',
    trackingNumber: id.trackingNumber,
    packageWeightGrams: 820,
    items: [{ sku: 'TEA-LJ-250G', quantity: 1 }],
    scannedAt: epochMs('2024-06-18T15:40:01.900+08:00'),
    scannedAtText: '2024-06-18T15:40:01.900+08:00',
    flag: null,
    flagDetail: null,
  },
};
