import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvColumnMapping } from '@oms/bank-statements';
import { Topics } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { waitFor } from '@oms/testing';
import { reportCutoff } from '../report/daily-report.service';
import { plantedDay } from '../testing/planted-day';
import { reviewerToken, startInProcessHarness, type ReconciliationHarness } from '../testing/service-harness';

interface Item {
  reviewItemId: string;
  source: string;
  cause: string;
  orderIds: string[];
  status: string;
  actor: string | null;
}

/**
 * The service started through `startReconciliationService` with an in-process bus and a manual
 * clock passed in (the zero-setup runner's path), on a real PostgreSQL schema.
 */
describe('reconciliation-service on an in-process bus (real PostgreSQL)', () => {
  const day = plantedDay(`ip${Date.now().toString(36)}`);
  let harness: ReconciliationHarness;

  beforeAll(async () => {
    harness = await startInProcessHarness(reportCutoff(day.businessDate));
    await harness.publish(day.records);
    await harness.waitForMatching(day.records);
  }, 90_000);
  afterAll(() => harness?.close());

  it('stores every input once: a record delivered again under the same message id adds nothing', async () => {
    const before = await harness.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM recon_fact');
    const again = day.records.filter((record) => record.topic === Topics.orderEvents && record.key === day.cleanOrders[0]);
    // A new record on the same key (same partition) after the repeats: once it is stored, the repeats have been handled.
    const sentinel = recordFixture('ReviewItemRaised', { orderId: day.cleanOrders[0]!, reviewItemId: 'sentinel', occurredAt: Date.parse('2024-06-20T10:00:00+08:00'), occurredAtText: '2024-06-20T10:00:00+08:00' });
    await harness.publish([...again, { topic: Topics.orderEvents, key: day.cleanOrders[0]!, recordName: 'ReviewItemRaised', value: sentinel, messageId: 'sentinel-1' }]);
    await waitFor('the sentinel stored', async () => (await harness.db.pool.query("SELECT 1 FROM recon_fact WHERE fact_id = 'sentinel-1'")).rowCount === 1);
    expect(again.length).toBeGreaterThan(0);
    const after = await harness.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM recon_fact');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
  });

  it('serves health, metrics and the OpenAPI document of the review queue', async () => {
    expect((await harness.http('GET', '/health')).status).toBe(200);
    const docs = await harness.http<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/review-items', '/review-items/{id}', '/review-items/{id}/claim', '/review-items/{id}/resolve']));
    type Operation = { security?: unknown[]; responses: Record<string, unknown> };
    const operations = docs.body.paths as Record<string, { get?: Operation; post?: Operation }>;
    for (const action of ['claim', 'release', 'resolve']) {
      const post = operations[`/review-items/{id}/${action}`]!.post!;
      expect(post.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(operations['/review-items']!.get!.security).toBeUndefined();
    const metrics = await fetch(`${harness.service.url}/metrics`).then((response) => response.text());
    expect(metrics).toMatch(/oms_reconciliation_inputs_total\{record="OrderPaid",outcome="stored"\} [1-9]/);
  });

  it('lists the planted anomalies and the other services\u2019 review records in one queue', async () => {
    const { status, body } = await harness.http<Item[]>('GET', `/review-items?businessDate=${day.businessDate}`);
    expect(status).toBe(200);
    const reconciliation = body.filter((item) => item.source === 'reconciliation').map((item) => item.cause).sort();
    expect(reconciliation).toEqual(day.anomalies.map((anomaly) => anomaly.cause).sort());
    expect(body.filter((item) => item.source !== 'reconciliation').map((item) => [item.source, item.orderIds])).toEqual([
      ['order-service', [day.ids.amountMismatchOrder]],
      ['fulfillment-service', [day.ids.amountMismatchOrder]],
    ]);
    const byCause = await harness.http<Item[]>('GET', '/review-items?cause=AMOUNT_MISMATCH');
    expect(byCause.body.map((item) => item.orderIds)).toEqual([[day.ids.amountMismatchOrder]]);
    const byOrder = await harness.http<Item[]>('GET', `/review-items?orderId=${day.ids.amountMismatchOrder}`);
    expect(byOrder.body).toHaveLength(3);
  });

  it('shows both sides of an item: the order-side flow and the bank line', async () => {
    const [item] = (await harness.http<Item[]>('GET', '/review-items?cause=AMOUNT_MISMATCH')).body;
    const detail = await harness.http<{ sides: { flows: Array<{ amount: number }>; bankLines: Array<{ amount: number }>; amountDifference: number } }>('GET', `/review-items/${encodeURIComponent(item!.reviewItemId)}`);
    expect(detail.body.sides.flows.map((flow) => flow.amount)).toEqual([9_900]);
    expect(detail.body.sides.bankLines.map((line) => line.amount)).toEqual([9_899]);
    expect(detail.body.sides.amountDifference).toBe(-1);
  });

  it('claims, refuses a second claimant, resolves with a reason, and audits every action append-only under the token\u2019s subject', async () => {
    const [item] = (await harness.http<Item[]>('GET', '/review-items?cause=TIME_GAP')).body;
    const path = `/review-items/${encodeURIComponent(item!.reviewItemId)}`;
    const li = reviewerToken('finance.li');
    expect((await harness.http('POST', `${path}/claim`, undefined, li)).status).toBe(200);
    expect((await harness.http('POST', `${path}/claim`, {}, reviewerToken('finance.wang'))).status).toBe(409);
    expect((await harness.http('POST', `${path}/resolve`, { reason: '  ' }, li)).status).toBe(400);
    harness.clock.advance(60_000);
    // A body actor that repeats the token's subject is accepted (clients written before tokens).
    const resolved = await harness.http<{ action: string; atText: string }>('POST', `${path}/resolve`, { actor: 'finance.li', reason: '银行入账时间晚于支付，已核实' }, li);
    expect(resolved.status).toBe(200);
    expect(resolved.body.atText).toBe('2024-06-19T09:01:00.000+08:00');
    expect((await harness.http<Item[]>('GET', '/review-items?status=RESOLVED')).body.map((entry) => entry.reviewItemId)).toEqual([item!.reviewItemId]);
    const detail = await harness.http<{ history: Array<{ action: string; actor: string; reason: string | null }> }>('GET', path);
    expect(detail.body.history.map(({ action, actor, reason }) => ({ action, actor, reason }))).toEqual([
      { action: 'CLAIMED', actor: 'finance.li', reason: null },
      { action: 'RESOLVED', actor: 'finance.li', reason: '银行入账时间晚于支付，已核实' },
    ]);
    await expect(harness.db.pool.query("UPDATE review_action SET actor = 'someone.else'")).rejects.toThrow('append-only');
    expect((await harness.http('POST', '/review-items/no-such-item/claim', undefined, li)).status).toBe(404);
  });

  it('lets only a finance_reviewer token act, records its subject as the actor, and refuses a body actor naming someone else', async () => {
    const [item] = (await harness.http<Item[]>('GET', '/review-items?cause=MISSING_BANK_LINE')).body;
    const path = `/review-items/${encodeURIComponent(item!.reviewItemId)}`;
    const trail = async (): Promise<Array<{ action: string; actor: string }>> =>
      (await harness.db.pool.query('SELECT action, actor FROM review_action WHERE review_item_id = $1 ORDER BY seq', [item!.reviewItemId])).rows;
    const forged = reviewerToken('finance.li', 'finance_reviewer', 'not-the-service-secret-0123456789');
    const otherRole = reviewerToken('cs.zhao', 'customer_service_supervisor');
    for (const action of ['claim', 'release', 'resolve']) {
      const body = { reason: 'checked' };
      const anonymous = await harness.http<{ message: string }>('POST', `${path}/${action}`, body);
      expect([action, anonymous.status, anonymous.body.message]).toEqual([action, 401, 'a bearer token is required (Authorization: Bearer <JWT>)']);
      expect([action, (await harness.http('POST', `${path}/${action}`, body, forged)).status]).toEqual([action, 401]);
      expect([action, (await harness.http('POST', `${path}/${action}`, body, otherRole)).status]).toEqual([action, 403]);
    }
    const impersonation = await harness.http<{ message: string }>('POST', `${path}/claim`, { actor: 'finance.wang' }, reviewerToken('finance.li'));
    expect(impersonation.status).toBe(403);
    expect(impersonation.body.message).toContain('finance.li');
    expect(await trail()).toEqual([]);

    const zhou = reviewerToken('finance.zhou');
    const claimed = await harness.http<{ action: string; actor: string }>('POST', `${path}/claim`, undefined, zhou);
    expect([claimed.status, claimed.body.actor]).toEqual([200, 'finance.zhou']);
    expect((await harness.http('POST', `${path}/release`, undefined, zhou)).status).toBe(200);
    expect(await trail()).toEqual([
      { action: 'CLAIMED', actor: 'finance.zhou' },
      { action: 'RELEASED', actor: 'finance.zhou' },
    ]);
    // Reads stay open, as order-service's read/audit API is.
    expect((await harness.http('GET', path)).status).toBe(200);
  });

  it('rebuilds the projection identically, keeps the operators\u2019 work, and writes the same report bytes', async () => {
    const { ReconciliationProjector } = await import('../projection/reconciliation.projector');
    const { DailyReportService } = await import('../report/daily-report.service');
    const snapshot = async (): Promise<unknown> => {
      const tables = ['recon_flow', 'recon_bank_line', 'recon_inventory_log', 'recon_match', 'recon_review_item', 'recon_pending', 'recon_run'];
      const rows: Record<string, unknown[]> = {};
      for (const table of tables) rows[table] = (await harness.db.pool.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
      return rows;
    };
    const reports = harness.service.app.get(DailyReportService);
    const before = await snapshot();
    const first = await reports.write(day.businessDate, join(harness.config.REPORT_DIR, 'before'));
    // The same inputs at the same clock reading as the live run: only then must the tables be equal.
    const liveAsOf = Number((await harness.db.pool.query<{ as_of: string }>('SELECT as_of FROM recon_run')).rows[0]!.as_of);
    await harness.service.app.get(ReconciliationProjector).rebuild(liveAsOf);
    expect(await snapshot()).toEqual(before);
    const second = await reports.write(day.businessDate, join(harness.config.REPORT_DIR, 'after'));
    for (const file of ['anomaliesCsv', 'totalsCsv', 'html'] as const) expect(await readFile(second.files[file])).toEqual(await readFile(first.files[file]));
    expect((await harness.http<Item[]>('GET', '/review-items?status=RESOLVED')).body).toHaveLength(1);
  });

  it('keeps a past date\u2019s report byte for byte when a late input of that date arrives after its cut-off; the review queue shows the input', async () => {
    const { DailyReportService } = await import('../report/daily-report.service');
    const reports = harness.service.app.get(DailyReportService);
    const punctual = await reports.write(day.businessDate, join(harness.config.REPORT_DIR, 'punctual'));
    // 10:00 Shanghai the next day, an hour after the cut-off: the bank sends one more line of that date.
    harness.clock.set(reportCutoff(day.businessDate) + 3_600_000);
    const lateRef = `${day.ids.stockOutTrade}LATE`;
    const lateLine = recordFixture('BankStatementLine', { bankTransactionRef: lateRef, amount: 4_400, paymentTransactionId: null, remark: '跨行汇款', transactedAt: Date.parse('2024-06-18T17:00:00+08:00'), transactedAtText: '2024-06-18T17:00:00+08:00', bookingDate: day.businessDate });
    await harness.publish([{ topic: Topics.ingressBankStatements, key: lateRef, recordName: 'BankStatementLine', value: lateLine, messageId: `${lateRef}-1` }]);
    const queued = async (): Promise<string[]> => (await harness.http<Item[]>('GET', `/review-items?businessDate=${day.businessDate}&cause=MISSING_PAYMENT`)).body.map((item) => item.reviewItemId);
    await waitFor('the late line in the review queue', async () => (await queued()).length === 2, { timeoutMs: 30_000 });

    const again = await reports.write(day.businessDate, join(harness.config.REPORT_DIR, 'after-late-line'));
    for (const file of ['anomaliesCsv', 'totalsCsv', 'html'] as const) expect(await readFile(again.files[file])).toEqual(await readFile(punctual.files[file]));
    expect(again.report.anomalies.map((anomaly) => anomaly.cause).sort()).toEqual(day.anomalies.map((anomaly) => anomaly.cause).sort());
  });

  it('writes only the rows that changed: a run with nothing new rewrites no derived row', async () => {
    const { ReconciliationProjector } = await import('../projection/reconciliation.projector');
    const versions = async (): Promise<unknown[]> =>
      (await harness.db.pool.query(`SELECT 'flow' AS t, flow_id AS id, xmin::text AS x FROM recon_flow UNION ALL SELECT 'match', match_id, xmin::text FROM recon_match UNION ALL SELECT 'item', review_item_id, xmin::text FROM recon_review_item ORDER BY 1, 2`)).rows;
    const before = await versions();
    const asOf = Number((await harness.db.pool.query<{ as_of: string }>('SELECT as_of FROM recon_run')).rows[0]!.as_of);
    await harness.service.app.get(ReconciliationProjector).run(asOf);
    expect(before.length).toBeGreaterThan(0);
    expect(await versions()).toEqual(before);
  });

  it('dead-letters a record whose money cannot be read, naming the reason, and stores nothing of it', async () => {
    const broken = recordFixture('OrderPaid', { orderId: 'ord_broken', outTradeNo: 'broken-trade', paidAt: 0 });
    const reasons: string[] = [];
    const reader = await harness.deadLetterReader(Topics.orderEvents, (reason) => reasons.push(reason));
    try {
      await harness.publish([{ topic: Topics.orderEvents, key: 'ord_broken', recordName: 'OrderPaid', value: broken, messageId: 'broken-1' }]);
      await waitFor('the dead letter', () => reasons.length > 0);
      expect(reasons[0]).toContain('OrderPaid unreadable for reconciliation');
      expect((await harness.db.pool.query("SELECT 1 FROM recon_fact WHERE fact_id = 'broken-1'")).rowCount).toBe(0);
    } finally {
      await reader.close();
    }
  });
  // Last: it adds bank lines nobody paid to the planted day.
  it('picks up lines the import command stored while it runs, at its next poll', async () => {
    const { StatementImportService } = await import('../statements/statement-import.service');
    const { StatementLineRepository } = await import('../statements/statement-line.repository');
    const { ReconciliationTables } = await import('../database/tables');
    const mapping = JSON.parse(await readFile(join(__dirname, '../../mappings/cmb.json'), 'utf8')) as CsvColumnMapping;
    const imports = new StatementImportService(harness.db.pool, new StatementLineRepository(new ReconciliationTables(harness.db.schema)), harness.clock);
    const file = join(__dirname, '../../../../libs/bank-statements/src/testing/fixtures/cmb-statement-20240618.utf8-bom.csv');
    const outcome = await imports.importFile(file, { format: 'csv', bankCode: 'CMB', accountNumber: '6214 8301 0000 6021', receivedAt: harness.clock.now(), mapping });
    if (!outcome.ok) throw new Error('fixture should import');
    await waitFor('a run that has seen the imported lines', async () => {
      const lines = await harness.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM recon_bank_line WHERE line->>'lineId' LIKE 'bsl-%' AND line->'time'->>'text' NOT LIKE '%+08:00'");
      return lines.rows[0]!.n === outcome.newLines;
    }, { timeoutMs: 30_000 });
  });
});
