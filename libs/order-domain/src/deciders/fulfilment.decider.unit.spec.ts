import { given } from '../testing/decider-spec';
import { cmd } from '../testing/order-fixtures';
import { historyTo, run } from '../testing/order-histories';

// Field rule: split only when paid + inventory reserved + invoice confirmed.

const type = (name: string) => expect.objectContaining({ type: name });

describe('ready to dispatch is automatic once paid ∧ reserved ∧ invoiced', () => {
  it('invoice last: InvoiceConfirmed + OrderReadyToDispatch', () => {
    const state = given(historyTo('inventory_reserved')).when(cmd.invoice()).then([type('InvoiceConfirmed'), type('OrderReadyToDispatch')]);
    expect(state.status).toBe('ready_to_dispatch');
  });

  it('reservation last: InventoryReserved + OrderReadyToDispatch', () => {
    const invoicedFirst = run([cmd.invoice()], historyTo('paid'));
    given(invoicedFirst).when(cmd.reservation()).then([type('InventoryReserved'), type('OrderReadyToDispatch')]);
  });

  it('invoice before payment counts too', () => {
    const events = run([cmd.placeOrder(), cmd.invoice(), cmd.notification(), cmd.confirmation(), cmd.reservation()]);
    expect(events.map((event) => event.type).slice(-2)).toEqual(['InventoryReserved', 'OrderReadyToDispatch']);
  });

  it('reserved without an invoice waits in inventory_reserved', () => {
    expect(given(historyTo('paid')).when(cmd.reservation()).then([type('InventoryReserved')]).status).toBe('inventory_reserved');
  });

  it('the same reservation or invoice again adds nothing; a different invoice number is a review item', () => {
    given(historyTo('ready_to_dispatch')).when(cmd.reservation({ commandId: 'again' })).thenNothingHappened();
    given(historyTo('ready_to_dispatch')).when(cmd.invoice({ commandId: 'again' })).thenNothingHappened();
    given(run([cmd.invoice()], historyTo('paid'))).when(cmd.invoice({ invoiceNumber: 'INV-2' })).then([
      expect.objectContaining({ data: expect.objectContaining({ cause: 'INVOICE_CONFLICT' }) }),
    ]);
  });
});

describe('dispatch plans', () => {
  it('re-planning in dispatch_planned takes a newer version of the same plan', () => {
    const state = given(historyTo('dispatch_planned')).when(cmd.plan({ version: 2 })).then([type('DispatchPlanned')]);
    expect(state.dispatchPlan).toEqual({ dispatchPlanId: 'plan-1', version: 2 });
  });

  it('an older or equal version is a late re-send and changes nothing', () => {
    const replanned = run([cmd.plan({ version: 3 })], historyTo('dispatch_planned'));
    given(replanned).when(cmd.plan({ version: 2 })).thenNothingHappened();
    given(replanned).when(cmd.plan({ version: 3 })).thenNothingHappened();
  });

  it('another plan id is a CONFLICT: a plan keeps its id for life', () => {
    given(historyTo('dispatch_planned')).when(cmd.plan({ dispatchPlanId: 'plan-9', version: 2 })).thenRejected('CONFLICT', /planned under plan-1/);
  });

  it('no plan before the three conditions hold', () => {
    given(historyTo('inventory_reserved')).when(cmd.plan()).thenRejected('ILLEGAL_TRANSITION', 'Cannot RecordDispatchPlan when order is inventory_reserved');
  });

  it('a plan version must be a positive integer', () => {
    given(historyTo('ready_to_dispatch')).when(cmd.plan({ version: 1.5 })).thenRejected('INVALID_COMMAND', /version must be a positive integer/);
  });
});

describe('shipment progress', () => {
  it('goes partially_shipped → shipped → in_delivery → delivered → completed', () => {
    const events = run([
      cmd.progress({ stage: 'PARTIALLY_SHIPPED' }), cmd.progress({ stage: 'SHIPPED' }),
      cmd.progress({ stage: 'IN_DELIVERY' }), cmd.progress({ stage: 'DELIVERED' }), cmd.complete(),
    ], historyTo('dispatch_planned'));
    expect(events.slice(-5).map((event) => event.type)).toEqual([
      'OrderShipmentProgressed', 'OrderShipmentProgressed', 'OrderShipmentProgressed', 'OrderShipmentProgressed', 'OrderCompleted',
    ]);
  });

  it('a late or repeated scan never moves the order back', () => {
    given(historyTo('in_delivery')).when(cmd.progress({ stage: 'SHIPPED' })).thenNothingHappened();
    given(historyTo('completed')).when(cmd.progress({ stage: 'DELIVERED' })).thenNothingHappened();
  });

  it('a scan must carry the order’s dispatch plan id', () => {
    given(historyTo('dispatch_planned')).when(cmd.progress({ dispatchPlanId: 'plan-x' })).thenRejected('CONFLICT', /carries dispatch plan plan-x but the order's plan is plan-1/);
  });

  it('completing before delivery is refused, naming state and command', () => {
    given(historyTo('shipped')).when(cmd.complete()).thenRejected('ILLEGAL_TRANSITION', 'Cannot CompleteOrder when order is shipped');
  });
});
