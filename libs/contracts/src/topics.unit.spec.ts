import { recordNames } from './generated';
import { deadLetterTopic, recordsOnTopic, topicCatalog, Topics } from './topics';

describe('topic catalog', () => {
  it('lists the topics of the public contract, in the order of DESIGN.md', () => {
    expect(topicCatalog.map((spec) => spec.topic)).toEqual([
      'oms.ingress.orders.v1',
      'oms.ingress.payments.v1',
      'oms.ingress.invoices.v1',
      'oms.ingress.bank-statements.v1',
      'oms.ingress.carrier-tracks.v1',
      'oms.ingress.wms-scans.v1',
      'oms.ingress.customer-activity.v1',
      'oms.order.events.v1',
      'oms.dispatch.v1',
      'oms.fulfillment.events.v1',
    ]);
    expect(new Set(Object.values(Topics))).toEqual(new Set(topicCatalog.map((spec) => spec.topic)));
  });

  it('puts every record on at least one topic', () => {
    const carried = new Set(topicCatalog.flatMap((spec) => spec.records));
    expect(recordNames.filter((name) => !carried.has(name))).toEqual([]);
  });

  it('carries every order event, and only order events, on oms.order.events.v1', () => {
    const orderEvents = recordsOnTopic(Topics.orderEvents);
    expect(orderEvents).toHaveLength(22);
    expect(orderEvents).toEqual(expect.arrayContaining(['DispatchProposed', 'DispatchProposalRejected', 'DispatchScanRecorded']));
    expect(orderEvents).toContain('OrderPlaced');
    expect(orderEvents).not.toContain('ChannelOrder');
  });

  it('knows which records a topic carries and refuses unknown topics', () => {
    expect(recordsOnTopic('oms.ingress.payments.v1')).toEqual(['PaymentNotification', 'PaymentConfirmation', 'RefundResult']);
    expect(() => recordsOnTopic('oms.ingress.orders.v2')).toThrow(RangeError);
  });

  it('carries one DispatchInstruction per sub-order on oms.dispatch.v1, and the WMS scans reach order-service', () => {
    expect(recordsOnTopic(Topics.dispatch)).toEqual(['DispatchInstruction']);
    expect(topicCatalog.find((spec) => spec.topic === Topics.dispatch)?.key).toBe('dispatchPlanId');
    expect(topicCatalog.find((spec) => spec.topic === Topics.ingressWmsScans)?.readers).toContain('order-service');
  });

  it('names dead-letter topics <topic>.dlq', () => {
    expect(deadLetterTopic(Topics.orderEvents)).toBe('oms.order.events.v1.dlq');
  });
});
