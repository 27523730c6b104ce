import type { DecodedRecord, RecordName, RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { readyOrderFacts } from './ready-order.facts';

const record = <N extends RecordName>(recordName: N, overrides: Partial<RecordTypes[N]> = {}) =>
  ({ recordName, fingerprint: '', value: recordFixture(recordName, overrides) }) as unknown as DecodedRecord;

describe('readyOrderFacts (what the split decision reads of an order stream)', () => {
  const placed = recordFixture('OrderPlaced');
  const history = [
    record('OrderPlaced'), record('PaymentNotificationAccepted'), record('PaymentConfirmed'), record('OrderPaid'),
    record('InventoryReservationRequested'), record('InventoryReserved'), record('InvoiceConfirmed'), record('OrderReadyToDispatch'),
  ];

  it('takes customer, channel creation time, payment time, lines, address, phone, title and the decision deadline', () => {
    const facts = readyOrderFacts(history);
    const paid = recordFixture('OrderPaid');
    const ready = recordFixture('OrderReadyToDispatch');
    expect(facts).toEqual({
      planning: {
        orderId: placed.orderId, customerId: placed.customerId, placedAt: placed.channelCreatedAt, paidAt: paid.paidAt,
        recipientPhone: placed.recipientPhone, invoiceTitle: placed.invoice?.title ?? null,
        shippingAddress: { province: placed.shippingAddress.province, city: placed.shippingAddress.city, district: placed.shippingAddress.district, street: placed.shippingAddress.street, detail: placed.shippingAddress.detail },
        lines: placed.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
      },
      recipientName: placed.recipientName, shippingAddress: placed.shippingAddress, readyAt: ready.occurredAt, decisionDeadline: ready.decisionDeadline,
    });
  });

  it('uses the address and lines as last changed, and no title when no fapiao was asked for', () => {
    const changed = recordFixture('OrderAddressChanged');
    const lines = recordFixture('OrderLinesChanged');
    const facts = readyOrderFacts([record('OrderPlaced', { invoice: null }), record('OrderLinesChanged'), record('OrderAddressChanged'), ...history.slice(1)]);
    expect(facts?.shippingAddress).toEqual(changed.address);
    expect(facts?.planning.recipientPhone).toBe(changed.recipientPhone);
    expect(facts?.planning.lines.map((line) => line.lineId)).toEqual(lines.lines.map((line) => line.lineId));
    expect(facts?.planning.invoiceTitle).toBeNull();
  });

  it('is null for an order that is not ready to dispatch (no payment or no readiness yet)', () => {
    expect(readyOrderFacts(history.slice(0, 7))).toBeNull();
    expect(readyOrderFacts(history.filter((entry) => entry.recordName !== 'OrderPaid'))).toBeNull();
  });
});
