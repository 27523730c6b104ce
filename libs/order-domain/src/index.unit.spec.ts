import {
  decide,
  initialState,
  isRejection,
  rebuild,
  renderStateDiagram,
  toCommandRejected,
  type OrderCommand,
  type OrderEvent,
} from './index';
import { cmd } from './testing/order-fixtures';

/** The service's loop, through the public face only: decide, append (or record the refusal), fold. */
function handle(history: OrderEvent[], command: OrderCommand): OrderEvent[] {
  const decision = decide(command, rebuild(history));
  return [...history, ...(isRejection(decision) ? [toCommandRejected(command, decision)] : decision.events)];
}

describe('@oms/order-domain public face', () => {
  it('runs an order from placement to completion, recording a refused command on the way', () => {
    const commands = [
      cmd.placeOrder(), cmd.notification(), cmd.complete(), cmd.confirmation(), cmd.reservation(), cmd.invoice(),
      cmd.plan(), cmd.progress({ stage: 'SHIPPED' }), cmd.progress({ stage: 'DELIVERED' }), cmd.complete(),
    ];
    const events = commands.reduce(handle, []);
    expect(events.map((event) => event.type)).toEqual([
      'OrderPlaced', 'PaymentNotificationAccepted', 'CommandRejected', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested',
      'InventoryReserved', 'InvoiceConfirmed', 'OrderReadyToDispatch', 'DispatchPlanned', 'OrderShipmentProgressed',
      'OrderShipmentProgressed', 'OrderCompleted',
    ]);
    expect(events[2].data).toMatchObject({ command: 'CompleteOrder', state: 'pending_payment', reason: 'Cannot CompleteOrder when order is pending_payment' });
    expect(rebuild(events)).toMatchObject({ status: 'completed', version: events.length });
    expect(initialState.status).toBe('not_placed');
    expect(renderStateDiagram()).toContain('stateDiagram-v2');
  });
});
