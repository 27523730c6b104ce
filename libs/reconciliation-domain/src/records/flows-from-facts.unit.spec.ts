import { recordFixture } from '@oms/contracts/testing';
import { flowsFromFacts } from './flows-from-facts';
import { inventoryLogFromFacts, inventoryLogsOf } from './inventory-log-from-facts';
import type { RecordedFact } from './recorded-fact';

const paid = recordFixture('OrderPaid');
const confirmation = recordFixture('PaymentConfirmation');
const refund = recordFixture('RefundResult');
let seq = 0;
const fact = <F extends RecordedFact>(recordName: F['recordName'], value: F['value']): RecordedFact => ({ factId: `f${++seq}`, seq, recordName, value }) as RecordedFact;

describe('the order side from stored records', () => {
  it('given OrderPaid and the confirmed query answer, expects +amount at paidAt with the provider raw answer', () => {
    const [flow, ...rest] = flowsFromFacts([fact('OrderPaid', paid), fact('PaymentConfirmation', confirmation)]);
    expect(rest).toEqual([]);
    expect(flow).toEqual(expect.objectContaining({ flowId: `pay:${paid.outTradeNo}`, orderId: paid.orderId, amount: paid.amount, rawResponse: confirmation.rawResponse }));
    expect(flow?.time.text).toBe(paid.paidAtText);
  });

  it('keeps the first OrderPaid of a trade: a redelivery under another message id is the same payment', () => {
    const flows = flowsFromFacts([fact('OrderPaid', paid), fact('OrderPaid', { ...paid, amount: paid.amount + 1 })]);
    expect(flows.map((flow) => flow.amount)).toEqual([paid.amount]);
  });

  it('expects −amount for a SUCCESS refund, attributed to the order of its out_trade_no; PROCESSING has moved no money', () => {
    const flows = flowsFromFacts([fact('OrderPaid', paid), fact('RefundResult', refund), fact('RefundResult', { ...refund, outRefundNo: 'RF-PENDING', status: 'PROCESSING' })]);
    expect(flows.filter((flow) => flow.kind === 'REFUND').map((flow) => ({ id: flow.flowId, orderId: flow.orderId, amount: flow.amount }))).toEqual([
      { id: `refund:${refund.outRefundNo}`, orderId: paid.orderId, amount: -refund.refundAmount },
    ]);
  });

  it('expects the money of a verified successful notification whose order never became paid, and not of an unverified one', () => {
    const verified = recordFixture('PaymentNotification', { outTradeNo: 'orphan-trade' });
    const forged = recordFixture('PaymentNotification', { outTradeNo: 'forged-trade', signatureVerified: false, verificationFailure: 'bad signature' });
    const flows = flowsFromFacts([fact('PaymentNotification', verified), fact('PaymentNotification', forged)]);
    expect(flows.map((flow) => ({ flowId: flow.flowId, orderId: flow.orderId }))).toEqual([{ flowId: 'pay:orphan-trade', orderId: null }]);
  });

  it('gives each order its inventory operation log in time order, whatever order the facts arrived in', () => {
    const failed = recordFixture('InventoryReservationFailed');
    const requested = recordFixture('InventoryReservationRequested');
    const wms = recordFixture('InventoryReservationResult', { outcome: 'FAILED', failureReason: 'OUT_OF_STOCK', failureDetail: '可用库存 0' });
    const log = inventoryLogsOf(inventoryLogFromFacts([fact('InventoryReservationFailed', failed), fact('InventoryReservationResult', wms), fact('InventoryReservationRequested', requested), fact('OrderPaid', paid)]));
    expect([...log.keys()]).toEqual([paid.orderId]);
    expect(log.get(paid.orderId)?.map((line) => line.split(' ').slice(1, 3).join(' '))).toEqual(['order-service reservation', 'WMS FAILED', 'order-service reservation']);
    expect(log.get(paid.orderId)?.[1]).toContain('OUT_OF_STOCK (可用库存 0)');
  });
});
