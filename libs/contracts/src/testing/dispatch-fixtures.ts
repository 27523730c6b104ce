import type { recordNamesByFolder, RecordTypes } from '../generated';
import { epochMs, fixtureAddress, fixtureIds as id, fixtureLines } from './fixture-values';

type DispatchName = (typeof recordNamesByFolder)['dispatch'][number];

/** Realistic sample values of the `oms.dispatch.v1` records (one sub-order of an issued plan). */
export const dispatchFixtures: { [N in DispatchName]: RecordTypes[N] } = {
  DispatchInstruction: {
    dispatchPlanId: id.dispatchPlanId,
    planVersion: 1,
    previousPlanVersion: null,
    subOrderIndex: 1,
    subOrderCount: 1,
    subOrder: {
      subOrderId: 'S1',
      warehouseId: id.warehouseId,
      slaHours: 24,
      customsClearanceRequired: false,
      minPackageWeightGrams: 600,
      carrier: null,
      lines: fixtureLines.map(({ lineId, sku, quantity }) => ({ orderId: id.orderId, lineId, sku, quantity })),
    },
    slaDeadline: epochMs('2024-06-19T10:31:02+08:00'),
    slaDeadlineText: '2024-06-19T10:31:02.000+08:00',
    orderIds: [id.orderId],
    shippingAddress: fixtureAddress,
    recipientName: '王小明',
    recipientPhone: '13800138000',
    catalogVersion: 3,
    issuedAt: epochMs('2024-06-18T10:33:12.050+08:00'),
    issuedAtText: '2024-06-18T10:33:12.050+08:00',
  },
};
