import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { Topics } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { testDatabaseUrl, waitFor } from '@oms/testing';
import { ReportScheduler } from '../report/report.scheduler';
import { plantedDay } from '../testing/planted-day';
import { storedInputsOf } from '../testing/planted-inputs';
import { startKafkaHarness, type ReconciliationHarness } from '../testing/service-harness';

const ROOT = join(__dirname, '../../../..');

/**
 * End to end on the real broker: the test publishes a day of orders, payments, a stock-out
 * refund, warehouse answers and bank statement lines; the service consumes them, matches, and at
 * 09:00 Asia/Shanghai (01:00 UTC, on a clock the test moves) writes a report that shows exactly
 * the planted anomalies — the same bytes as the on-demand command writes for that date.
 */
describe('reconciliation-service end to end (real Kafka and PostgreSQL)', () => {
  const day = plantedDay(`e2e${Date.now().toString(36)}`);
  let harness: ReconciliationHarness;

  beforeAll(async () => {
    harness = await startKafkaHarness(Date.parse('2024-06-18T10:00:00Z')); // 18:00 Shanghai: the service runs through the planted day
    await harness.publish(day.records);
    await harness.waitForMatching(day.records);
  }, 120_000);
  afterAll(() => harness?.close(), 60_000);

  it('stores every consumed record of the four topics once', async () => {
    const { facts, lines } = storedInputsOf(day.records);
    const byTopic = await harness.db.pool.query<{ topic: string; n: number }>('SELECT topic, count(*)::int AS n FROM recon_fact GROUP BY topic ORDER BY topic');
    const expected = new Map<string, number>();
    for (const record of day.records) if (record.recordName !== 'BankStatementLine') expected.set(record.topic, (expected.get(record.topic) ?? 0) + 1);
    expect(byTopic.rows.map((row) => [row.topic, row.n])).toEqual([...expected.entries()].sort(([a], [b]) => a.localeCompare(b)));
    expect(byTopic.rows.reduce((sum, row) => sum + row.n, 0)).toBe(facts.length);
    expect((await harness.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM statement_line WHERE source = 'topic'")).rows[0]!.n).toBe(lines.length);
  });

  it('dead-letters on the broker a record whose money cannot be read, with the reason in the headers', async () => {
    const reasons: string[] = [];
    const reader = await harness.deadLetterReader(Topics.orderEvents, (reason) => reasons.push(reason));
    try {
      const broken = recordFixture('OrderPaid', { orderId: 'ord_broken', outTradeNo: 'broken-trade', paidAt: 0 });
      await harness.publish([{ topic: Topics.orderEvents, key: 'ord_broken', recordName: 'OrderPaid', value: broken, messageId: 'broken-e2e' }]);
      await waitFor('the dead letter on the broker', () => reasons.length > 0, { timeoutMs: 60_000 });
      expect(reasons[0]).toContain('OrderPaid unreadable for reconciliation');
      expect((await harness.db.pool.query("SELECT 1 FROM recon_fact WHERE fact_id = 'broken-e2e'")).rowCount).toBe(0);
    } finally {
      await reader.close();
    }
  }, 90_000);

  it('writes at 09:00 Shanghai a report with exactly the planted anomalies, each traceable', async () => {
    const scheduler = harness.service.app.get(ReportScheduler);
    harness.clock.set(Date.parse('2024-06-19T00:59:59.999Z'));
    expect(await scheduler.tick()).toBeNull();
    harness.clock.set(Date.parse('2024-06-19T01:00:00.000Z'));
    const written = await scheduler.tick();
    expect(written?.businessDate).toBe(day.businessDate);

    const rows = parse(await readFile(written!.files.anomaliesCsv, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    const found = rows.map((row) => ({ cause: row['cause']!, ref: row['out_trade_nos'] || row['bank_transaction_refs']! }));
    expect(found.sort((a, b) => a.cause.localeCompare(b.cause))).toEqual([...day.anomalies].sort((a, b) => a.cause.localeCompare(b.cause)));
    expect(rows.some((row) => row['order_ids']!.includes(day.ids.stockOutOrder))).toBe(false);

    const short = rows.find((row) => row['cause'] === 'AMOUNT_MISMATCH')!;
    expect(short['transaction_ids']).toMatch(/^4200/);
    expect(short['provider_raw_response']).toContain('"trade_state":"SUCCESS"');
    expect(short['inventory_log']).toContain('WMS RESERVED');
    expect(short['bank_time_text']).toBe('2024-06-18T14:00:00.300+08:00');
    expect(short['difference_fen']).toBe('-1');

    const totals = new Map((parse(await readFile(written!.files.totalsCsv, 'utf8'), { bom: true }) as string[][]).map(([metric, value]) => [metric, value]));
    // Clean: the payment, the stock-out's payment and refund, the split payment, the merged cart's two payments.
    expect(totals.get('matched_count')).toBe('6');
    expect(totals.get('matched_amount_fen')).toBe(String(27_500 + 12_800 - 12_800 + 20_000 + 10_000 + 15_000));
    expect(totals.get('review_items')).toBe(String(day.anomalies.length));
    expect(totals.get('precision_policy')).toMatch(/smallest possible gap/);
    expect(await readFile(written!.files.html, 'utf8')).toContain('Asia/Shanghai');
  });

  it('writes the same bytes for that date through the on-demand command', async () => {
    const out = join(harness.config.REPORT_DIR, 'on-demand');
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: harness.db.schema };
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/reconciliation-service/src/cli/report.ts'), '--date', day.businessDate, '--out', out], { cwd: ROOT, env });
    expect(stdout).toContain(`${day.anomalies.length} anomalies`);
    for (const suffix of ['anomalies.csv', 'totals.csv', 'html']) {
      const name = `reconciliation-${day.businessDate}.${suffix}`;
      expect(await readFile(join(out, name))).toEqual(await readFile(join(harness.config.REPORT_DIR, name)));
    }
  }, 60_000);
});
