import { inventoryLogsOf, reconcile, reconciliationConfig, resultForBusinessDate } from '@oms/reconciliation-domain';
import { reportCutoff } from '../report/daily-report.service';
import { plantedDay } from '../testing/planted-day';
import { storedInputsOf } from '../testing/planted-inputs';
import { deriveInputs } from './reconciliation-inputs';

describe('deriving the matching inputs from stored facts', () => {
  const day = plantedDay('u1');
  const { facts, lines } = storedInputsOf(day.records);

  it('given a planted day, when matched at the 09:00 cut-off of the next day, then exactly the planted anomalies are raised', () => {
    const derived = deriveInputs(facts, lines);
    const result = resultForBusinessDate(reconcile(derived.flows, derived.bankLines, reconciliationConfig(reportCutoff(day.businessDate))), day.businessDate);
    const raised = result.reviewItems.map((item) => ({ cause: item.cause, ref: item.flows[0]?.outTradeNo ?? item.bankLines[0]!.bankTransactionRef }));
    expect(raised.sort((a, b) => a.cause.localeCompare(b.cause))).toEqual([...day.anomalies].sort((a, b) => a.cause.localeCompare(b.cause)));
    expect(result.pending).toEqual([]);
  });

  it('gives the stock-out order two flows, +X paid and −X refunded, both matched cleanly to their bank lines', () => {
    const derived = deriveInputs(facts, lines);
    const result = reconcile(derived.flows, derived.bankLines, reconciliationConfig(reportCutoff(day.businessDate)));
    const groups = result.matches.filter((group) => group.flows.some((flow) => flow.orderId === day.ids.stockOutOrder));
    expect(groups.map((group) => ({ amounts: group.flows.map((flow) => flow.amount), bank: group.bankAmount, clean: group.clean }))).toEqual(
      expect.arrayContaining([
        { amounts: [12_800], bank: 12_800, clean: true },
        { amounts: [-12_800], bank: -12_800, clean: true },
      ]),
    );
    expect(groups).toHaveLength(2);
  });

  it('attaches the provider raw answer of the confirmation, and the inventory log of the order in time order', () => {
    const derived = deriveInputs(facts, lines);
    const payment = derived.flows.find((flow) => flow.flowId === `pay:${day.ids.stockOutTrade}`);
    expect(payment?.rawResponse).toContain(`"out_trade_no":"${day.ids.stockOutTrade}"`);
    const log = inventoryLogsOf(derived.inventoryLog).get(day.ids.stockOutOrder) ?? [];
    expect(log.map((line) => line.split(' ').slice(1, 3).join(' '))).toEqual(['order-service reservation', 'WMS FAILED', 'order-service reservation']);
    expect(log[1]).toContain('OUT_OF_STOCK');
  });

  it('plants the field case: the stock-out comes within 3 s of paid_at', () => {
    const derived = deriveInputs(facts, lines);
    const payment = derived.flows.find((flow) => flow.flowId === `pay:${day.ids.stockOutTrade}`)!;
    const stockOut = derived.inventoryLog.find((entry) => entry.orderId === day.ids.stockOutOrder && entry.entry.includes('OUT_OF_STOCK'))!;
    expect(stockOut.occurredAt - payment.time.epochMs).toBeGreaterThan(0);
    expect(stockOut.occurredAt - payment.time.epochMs).toBeLessThanOrEqual(3_000);
  });

  it('derives the same inputs whatever order the facts are read in, and counts a redelivered record once', () => {
    const reversed = deriveInputs([...facts].reverse(), [...lines].reverse());
    const straight = deriveInputs(facts, lines);
    const byId = <T extends { flowId?: string; lineId?: string }>(items: T[]): T[] => [...items].sort((a, b) => String(a.flowId ?? a.lineId).localeCompare(String(b.flowId ?? b.lineId)));
    expect(byId(reversed.flows)).toEqual(byId(straight.flows));
    expect(byId(reversed.bankLines)).toEqual(byId(straight.bankLines));
    const paid = facts.find((fact) => fact.recordName === 'OrderPaid')!;
    const redelivered = deriveInputs([...facts, { ...paid, factId: 'redelivered', seq: 10_000 }], lines);
    expect(redelivered.flows).toHaveLength(straight.flows.length);
  });
});
