import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectedFigures } from './scenario/expected-figures';
import { plantedCount } from './scenario/scenario-plan';
import type { BackboneSummary } from './summary/backbone-summary';

// The zero-setup command exactly as a newcomer runs it (`npm start -- --orders 20 --exit-when-done`),
// as a child process with neither DATABASE_URL nor KAFKA_BROKERS: it must start its own embedded
// PostgreSQL and one in-process bus, play the scenario through the simulators over HTTP, and
// report figures equal to what the scenario planted — read back from the services, not the driver.
const REPO_ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(REPO_ROOT, 'apps', 'backbone', 'src', 'main.ts');
const ORDERS = 20;

interface Run {
  exitCode: number | null;
  stdout: string;
  summary: BackboneSummary;
}

let workDir: string;
let run: Run;
/** What the plan says each figure must be, given the services that ran (derived independently of the run's own check). */
let expected: ReturnType<typeof expectedFigures>;

async function runMainJob(): Promise<Run> {
  const jsonFile = join(workDir, 'summary.json');
  const env: NodeJS.ProcessEnv = { ...process.env, BACKBONE_VAR_DIR: join(workDir, 'var'), LOG_LEVEL: 'info' };
  delete env['DATABASE_URL'];
  delete env['KAFKA_BROKERS'];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN, '--orders', String(ORDERS), '--exit-when-done', '--json', jsonFile], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (!existsSync(jsonFile)) throw new Error(`the main job exited with ${exitCode} and wrote no summary:\n${stdout}`);
  return { exitCode, stdout, summary: JSON.parse(readFileSync(jsonFile, 'utf8')) as BackboneSummary };
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'backbone-e2e-'));
  // Run as root, the embedded PostgreSQL runs as its own OS user, which must reach its data directory.
  chmodSync(workDir, 0o755);
  run = await runMainJob();
  const missing = new Set(run.summary.notAvailable.map((entry) => entry.part));
  expected = expectedFigures(run.summary.plan, new Set(['simulators', 'order-service', 'channel-gateway', 'fulfillment-service', 'reconciliation-service'].filter((part) => !missing.has(part))));
}, 120_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

it('runs with an embedded PostgreSQL and the in-process bus, and exits 0 (found = planted)', () => {
  expect(run.summary.infrastructure.database).toMatch(/^embedded PostgreSQL/);
  expect(run.summary.infrastructure.bus).toBe('in-process');
  expect(run.summary.mismatches).toEqual([]);
  expect(run.summary.problems).toEqual([]);
  expect(run.exitCode).toBe(0);
  // The embedded cluster's data directory is gone after a clean shutdown.
  expect(run.stdout).toContain('Stopping: services, bus, database');
});

it('reports every order placed, by channel and by state, as the plan says', () => {
  const { summary } = run;
  expect(summary.plan.orders).toHaveLength(ORDERS);
  expect(summary.figures['orders placed']).toBe(ORDERS);
  // The simulated ERP invoiced every order, as order-service's own state shows.
  expect(summary.figures['orders invoiced']).toBe(ORDERS);
  expect(summary.tallies['channel orders accepted by channel']).toEqual(expected['channel orders accepted by channel']);
  expect(summary.tallies['orders by state']).toEqual(expected['orders by state']);
});

it('finds every planted payment anomaly and nothing extra: duplicates answered without a second record, the forged notification refused', () => {
  const { summary } = run;
  const paid = summary.plan.orders.filter((planned) => planned.payment).length;
  const redeliveries = summary.plan.orders.reduce((sum, planned) => sum + (planned.payment?.redeliveries ?? 0), 0);
  expect(plantedCount(summary.plan, 'duplicate-notifications')).toBeGreaterThan(0);
  expect(summary.plan.forgedNotifications).toHaveLength(1);
  expect(summary.tallies['payment notifications by outcome']).toEqual({ accepted: paid, duplicate: redeliveries, 'refused:BAD_SIGNATURE': 1 });
  // The forged notification's order was never paid: it is among the pending ones, with the unpaid and the marketplaces'.
  expect(summary.tallies['orders by state']?.['pending_payment']).toBe(ORDERS - paid);
});

it('reconciles the day against the bank: each planted gap is one review item of its cause, and the 09:00 report is written', () => {
  const { summary } = run;
  if (summary.notAvailable.some((entry) => entry.part === 'reconciliation-service')) return expect(summary.skipped).toContainEqual({ step: '09:00 report for the day', needs: 'reconciliation-service' });
  expect(summary.tallies['review items by cause (reconciliation)']).toEqual({ MISSING_BANK_LINE: 1, AMOUNT_MISMATCH: 1, TIME_GAP: 1 });
  // Under review: the missing line's flow, and flow + line of the short and of the late credit.
  expect(summary.figures['entries under review']).toBe(5);
  expect(summary.figures['reconciliation entries']).toBe(expected['reconciliation entries']);
  expect(summary.figures['discrepancy rate']).toBeCloseTo(5 / (expected['reconciliation entries'] as number), 10);
  expect(summary.files.map((file) => file.replace(/.*\//, ''))).toEqual([`reconciliation-${summary.businessDate}.anomalies.csv`, `reconciliation-${summary.businessDate}.html`, `reconciliation-${summary.businessDate}.totals.csv`]);
});

it('follows every paid order through reservation, plan and carriers: the stock-out refunded and closed, one plan per customer, every parcel delivered, the late and the unknown track each one review item', () => {
  const { summary } = run;
  if (summary.notAvailable.some((entry) => entry.part === 'fulfillment-service')) return expect(summary.skipped).toContainEqual({ step: 'stock-out after payment', needs: 'fulfillment-service' });
  expect(summary.tallies['orders by state']?.['closed']).toBe(plantedCount(summary.plan, 'stock-out'));
  expect(summary.tallies['dispatch plans by outcome']).toEqual(expected['dispatch plans by outcome']);
  expect(summary.tallies['parcels by status']).toEqual(expected['parcels by status']);
  expect(summary.tallies['review items by cause (fulfillment-service)']).toEqual({ TRACK_CREDIBILITY_AUDIT: 1, UNKNOWN_CARRIER_STATUS: 1 });
});

it('says which services are not available instead of faking their part of the scenario', () => {
  const { summary } = run;
  for (const { part } of summary.notAvailable) {
    expect(run.stdout).toContain(`not available: ${part}`);
    expect(summary.skipped.every((entry) => summary.notAvailable.some((missing) => missing.part === entry.needs))).toBe(true);
  }
  expect(summary.skipped.map((entry) => entry.needs).sort()).toEqual(
    summary.notAvailable.flatMap((entry) => (entry.part === 'fulfillment-service' ? [entry.part, entry.part, entry.part] : entry.part === 'reconciliation-service' ? [entry.part, entry.part] : [])).sort(),
  );
});
