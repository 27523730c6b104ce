import fc from 'fast-check';
import { decode, encode, type SalesChannel } from '@oms/contracts';
import { fixtureAddress, recordFixture, recordFixtures } from '@oms/contracts/testing';
import type { OrderEvent } from '@oms/order-domain';
import { cmd, STRANGER } from '../testing/order-command.builders';
import { decideAll, orderHistory, type DecidedEvent } from '../testing/order-history.arbitrary';
import type { AvroEnrichment } from './mapping-context';
import { decodeOrderEvent, encodeOrderEvent, fromAvroRecord, ORDER_EVENT_TYPES, toAvroRecord } from './order-event.mapper';
import { UnmappableEventError } from './unmappable-event.error';

/** Every ingress fact the command path may pass, from the contract fixtures (one coherent order). */
function fixtureEnrichment(event: OrderEvent): AvroEnrichment {
  const placed = event.type === 'OrderPlaced' ? { channel: event.data.channel as SalesChannel, channelOrderId: event.data.channelOrderId } : {};
  return {
    channelOrder: recordFixture('ChannelOrder', placed),
    averageShipDuration: 'PT24H',
    notification: recordFixture('PaymentNotification'),
    acceptedNotificationId: 'EV-2024061810310500123',
    confirmation: recordFixture('PaymentConfirmation'),
    reservationResult: recordFixture('InventoryReservationResult'),
    invoice: recordFixture('InvoiceConfirmation'),
    refundResult: recordFixture('RefundResult'),
    placedLines: recordFixtures.ChannelOrder.lines,
    address: fixtureAddress,
    previousAddress: fixtureAddress,
    changeReason: '买家来电',
  };
}

/** domain → Avro value → single-object bytes → decoded Avro → domain. */
function roundTrip({ event, stateBefore }: DecidedEvent, enrichment: AvroEnrichment): OrderEvent {
  return decodeOrderEvent(encodeOrderEvent(event, { stateBefore, enrichment })).event;
}

describe('order event mapping (domain ↔ Avro order-event records)', () => {
  it('domain → Avro bytes → domain is the identity for every event the real decider produces, with or without enrichment', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(orderHistory, (history) => {
        for (const decided of history) {
          seen.add(decided.event.type);
          expect(roundTrip(decided, {})).toEqual(decided.event);
          expect(roundTrip(decided, fixtureEnrichment(decided.event))).toEqual(decided.event);
        }
      }),
      { numRuns: 400, seed: 20240618 },
    );
    // "Every event type" is part of the claim: the generators must reach each one.
    expect([...seen].sort()).toEqual([...ORDER_EVENT_TYPES].sort());
  });

  it('keeps the channel facts the domain does not model when the channel order is passed', () => {
    const [placed] = decideAll([cmd.placeOrder()]);
    const { value } = toAvroRecord(placed!.event, { stateBefore: placed!.stateBefore, enrichment: fixtureEnrichment(placed!.event) });
    expect(value).toMatchObject({
      shopId: recordFixtures.ChannelOrder.shopId,
      outTradeNo: recordFixtures.ChannelOrder.outTradeNo,
      buyerMessage: recordFixtures.ChannelOrder.buyerMessage,
      lines: recordFixtures.ChannelOrder.lines,
      promotions: recordFixtures.ChannelOrder.promotions,
      shippingAddress: { countryCode: 'CN', street: fixtureAddress.street },
      averageShipDuration: 'PT24H',
    });
  });

  it('writes the compensation refund as requested by the SYSTEM actor and reads it back as the domain null', () => {
    const history = decideAll([cmd.placeOrder(), cmd.notification(), cmd.confirmation(), cmd.reservation({ outcome: 'FAILED', reason: 'OUT_OF_STOCK: CUP-GLASS-01 0 left' })]);
    const refund = history.find((decided) => decided.event.type === 'RefundRequested')!;
    const { value } = toAvroRecord(refund.event, { stateBefore: refund.stateBefore, enrichment: {} });
    expect(value).toMatchObject({ requestedBy: { role: 'SYSTEM' }, reason: 'INVENTORY_RESERVATION_FAILED', provider: 'WECHAT_PAY' });
    const failed = history.find((decided) => decided.event.type === 'InventoryReservationFailed')!;
    expect(toAvroRecord(failed.event, { stateBefore: failed.stateBefore, enrichment: {} }).value).toMatchObject({ reason: 'OUT_OF_STOCK', detail: 'CUP-GLASS-01 0 left' });
  });

  it('files a domain review cause under its coarse Avro kind and keeps the precise cause and key', () => {
    const history = decideAll([cmd.placeOrder(), cmd.notification({ signatureVerified: false })]);
    const review = history.find((decided) => decided.event.type === 'ReviewItemRaised')!;
    expect(toAvroRecord(review.event, { stateBefore: review.stateBefore, enrichment: {} }).value).toMatchObject({
      cause: 'UNCONFIRMED_PAYMENT',
      detailedCause: 'SIGNATURE_NOT_VERIFIED',
      reviewKey: expect.stringMatching(/^SIGNATURE_NOT_VERIFIED:WECHAT_PAY:/),
      subjectRef: expect.stringMatching(/^WECHAT_PAY:/),
    });
  });

  it('refuses, rather than loses, a value Avro cannot hold', () => {
    const [placed] = decideAll([cmd.placeOrder({ createdBy: { actorId: 'x', role: 'intern' } })]);
    expect(() => toAvroRecord(placed!.event, { stateBefore: placed!.stateBefore, enrichment: {} })).toThrow(UnmappableEventError);
    const [lowerCaseChannel] = decideAll([cmd.placeOrder({ channel: 'douyin' })]);
    expect(() => toAvroRecord(lowerCaseChannel!.event, { stateBefore: lowerCaseChannel!.stateBefore, enrichment: {} })).toThrow(/channel "douyin"/);
  });

  it('reads version 1 records written before the v2 fields existed', () => {
    const history = decideAll([cmd.placeOrder(), cmd.cancel({ actor: STRANGER })]);
    const rejected = history.find((decided) => decided.event.type === 'CommandRejected')!;
    const v1Like = { ...recordFixture('CommandRejected'), code: null };
    expect(fromAvroRecord(decode(encode('CommandRejected', v1Like)))).toMatchObject({ type: 'CommandRejected', data: { code: 'UNKNOWN' } });
    expect(rejected.event).toMatchObject({ data: { code: 'FORBIDDEN', state: 'pending_payment' } });
  });
});
