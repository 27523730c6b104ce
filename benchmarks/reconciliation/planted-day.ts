import { formatShanghaiIso, shanghaiDayStart, type BankLine, type ExpectedFlow, type SourceTime } from '@oms/reconciliation-domain';

/**
 * A generated business day: `payments` payments with their bank lines, a planted set of anomalies
 * and the clean shapes matching must handle (split settlements, merged carts, refunds), with the
 * exact discrepancy rate the plant implies. Deterministic: the same size gives the same day.
 */
export interface PlantedDay {
  businessDate: string;
  flows: ExpectedFlow[];
  lines: BankLine[];
  /** Payments generated (merged-cart partners and refunds come on top, as extra flows). */
  payments: number;
  /** Entries (flows + lines) the plant puts under review. */
  plantedUnderReview: number;
  /** Review items planted, by cause (causes not planted are 0). */
  plantedItems: Record<string, number>;
}

const BUSINESS_DATE = '2024-06-18';
const SPREAD_MS = 23 * 3_600_000; // payments over 00:00–23:00 so refunds (+3 s) stay on the same day

function time(epochMs: number, resolutionMs: number): SourceTime {
  return { epochMs, resolutionMs, text: formatShanghaiIso(epochMs, resolutionMs) };
}

/**
 * Ids as a decoder produces them. Template literals build V8 cons strings, which the first hash
 * flattens — a cost (and a flood of old-to-young pointers) that ids read from Avro, JSON or a
 * CSV file never have. Decoding from bytes gives the flat strings the service will really hold.
 */
const decoded = (text: string): string => Buffer.from(text, 'latin1').toString('latin1');
const decodedOrNull = (text: string | null | undefined): string | null => (text ? decoded(text) : null);

function flow(id: string, amount: number, paidAt: SourceTime, extra: Partial<ExpectedFlow> = {}): ExpectedFlow {
  const made: ExpectedFlow = {
    flowId: `pay:${id}`, kind: 'PAYMENT', orderId: `ord_${id}`, provider: 'WECHAT_PAY', outTradeNo: id, transactionId: `42${id}`,
    outRefundNo: null, refundId: null, combinedRef: null, amount, currency: 'CNY', time: paidAt, rawResponse: null, ...extra,
  };
  return {
    ...made,
    flowId: decoded(made.flowId), orderId: decodedOrNull(made.orderId), outTradeNo: decoded(made.outTradeNo), transactionId: decodedOrNull(made.transactionId),
    combinedRef: decodedOrNull(made.combinedRef), outRefundNo: decodedOrNull(made.outRefundNo), refundId: decodedOrNull(made.refundId),
  };
}

function line(ref: string, amount: number, references: string[], at: SourceTime): BankLine {
  const lineId = decoded(ref);
  return { lineId, bankTransactionRef: lineId, amount, currency: 'CNY', references: references.map(decoded), time: at, counterpartyName: null, remark: null };
}

/** Fisher–Yates with a fixed LCG, for the `--shuffle` worst case: same day, every list in random order. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Generates the day in arrival order (flows by paidAt, lines by bank time, as the order log and a
 * statement file deliver them), or with `shuffled` each list in a random order — the worst case
 * for memory locality. Every 1 000 payments: 4 anomalies (6 entries under review), 10 splits, 10 merged carts, 10 refunds. */
export function plantDay(payments: number, shuffled = false): PlantedDay {
  const dayStart = shanghaiDayStart(BUSINESS_DATE);
  const flows: ExpectedFlow[] = [];
  const lines: BankLine[] = [];
  const plantedItems = { MISSING_BANK_LINE: 0, MISSING_PAYMENT: 0, AMOUNT_MISMATCH: 0, CURRENCY_MISMATCH: 0, TIME_GAP: 0 };
  let plantedUnderReview = 0;
  for (let i = 0; i < payments; i++) {
    const id = `20240618${String(i).padStart(10, '0')}`;
    const at = dayStart + Math.floor((i * SPREAD_MS) / payments);
    const paidAt = time(at, i % 2 === 0 ? 1_000 : 1); // providers write seconds, some write ms
    const bankAt = time(at + 120, 1);
    const amount = 100 + ((i * 7_919) % 500_000);
    const slot = i % 1_000;
    const tx = `42${id}`;
    if (slot === 0) {
      flows.push(flow(id, amount, paidAt));
      lines.push(line(`B${id}`, amount - 1, [tx], bankAt));
      plantedItems.AMOUNT_MISMATCH++;
      plantedUnderReview += 2;
    } else if (slot === 1) {
      flows.push(flow(id, amount, time(at, 1)));
      lines.push(line(`B${id}`, amount, [tx], time(at + 501, 1)));
      plantedItems.TIME_GAP++;
      plantedUnderReview += 2;
    } else if (slot === 2) {
      flows.push(flow(id, amount, paidAt));
      plantedItems.MISSING_BANK_LINE++;
      plantedUnderReview += 1;
    } else if (slot === 3) {
      flows.push(flow(id, amount, paidAt));
      lines.push(line(`B${id}`, amount, [tx], bankAt), line(`X${id}`, amount, [`UNKNOWN${id}`], bankAt));
      plantedItems.MISSING_PAYMENT++;
      plantedUnderReview += 1;
    } else if (slot >= 10 && slot < 20) {
      flows.push(flow(id, amount, paidAt));
      lines.push(line(`B${id}a`, 50, [tx], bankAt), line(`B${id}b`, amount - 50, [id], bankAt));
    } else if (slot >= 20 && slot < 30) {
      const cart = `CART${id}`;
      flows.push(flow(id, amount, paidAt, { combinedRef: cart }), flow(`${id}m`, 990, paidAt, { combinedRef: cart }));
      lines.push(line(`B${id}`, amount + 990, [cart], bankAt));
    } else if (slot >= 30 && slot < 40) {
      flows.push(flow(id, amount, paidAt));
      flows.push(flow(id, -amount, time(at + 3_000, 1_000), { flowId: `refund:RF${id}`, kind: 'REFUND', outRefundNo: `RF${id}`, refundId: `50${id}` }));
      lines.push(line(`B${id}`, amount, [tx], bankAt), line(`B${id}r`, -amount, [tx], time(at + 3_100, 1)));
    } else {
      flows.push(flow(id, amount, paidAt));
      lines.push(line(`B${id}`, amount, [tx], bankAt));
    }
  }
  if (shuffled) {
    shuffle(flows, 7);
    shuffle(lines, 11);
  }
  return { businessDate: BUSINESS_DATE, flows, lines, payments, plantedUnderReview, plantedItems };
}
