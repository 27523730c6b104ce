import { recordFixture } from '@oms/contracts/testing';
import type { CommandContext } from './command-context';
import { recordShipmentProgressRequest } from './fulfilment.translator';

const context: CommandContext = {
  commandId: 'ShipmentStatusChanged:ord-1:SF:SF1:80:1',
  occurredAt: Date.parse('2024-06-19T14:22:38+08:00'),
  occurredAtText: '2024-06-19T14:22:38+08:00',
  metadata: { correlationId: 'corr-1', causationId: 'msg-1', actor: 'fulfillment' },
};

describe('ShipmentStatusChanged → RecordShipmentProgress', () => {
  it.each(['PARTIALLY_SHIPPED', 'SHIPPED', 'IN_DELIVERY', 'DELIVERED'] as const)('moves the order to %s with the plan id fulfilment reported', (orderStage) => {
    const change = recordFixture('ShipmentStatusChanged', { orderStage });
    const request = recordShipmentProgressRequest(change, context, 'oms.fulfillment.events.v1');
    expect(request?.command).toEqual({
      type: 'RecordShipmentProgress',
      data: { orderId: change.orderId, commandId: context.commandId, occurredAt: context.occurredAt, occurredAtText: context.occurredAtText, stage: orderStage, dispatchPlanId: change.dispatchPlanId },
    });
  });

  it('issues no command for a change that moves the order nowhere (an exception)', () => {
    expect(recordShipmentProgressRequest(recordFixture('ShipmentStatusChanged', { status: 'EXCEPTION', orderStage: null }), context, 'oms.fulfillment.events.v1')).toBeNull();
  });
});
