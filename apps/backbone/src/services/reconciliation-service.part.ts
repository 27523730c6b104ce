import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, REPORT_HOUR_SHANGHAI, shanghaiDayStart } from '@oms/reconciliation-domain';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts reconciliation-service in this process
import { startReconciliationService } from '../../../reconciliation-service/src/app/reconciliation-service.app';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadReconciliationServiceConfig } from '../../../reconciliation-service/src/config/reconciliation-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem: its own matching run and 09:00 job, run when the scenario's clock says so
import { MatchingLoop } from '../../../reconciliation-service/src/projection/matching.loop';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { ReportScheduler } from '../../../reconciliation-service/src/report/report.scheduler';
import { kafkaEnvOf } from '../infrastructure/backbone-bus';
import { getJson } from '../summary/http-json';
import { count, type SummarySection, type Tally } from '../summary/summary-section';
import type { ServicePart } from './service-part';

/** The schema reconciliation-service owns (its default). */
const RECONCILIATION_SCHEMA = 'reconciliation_service';
/**
 * How long a payment waits for its bank line before MISSING_BANK_LINE. A day in production; a
 * minute here, so the planted missing line is due by the next morning's report whatever the hour.
 */
const DEMO_SETTLEMENT_WINDOW_MS = 60_000;

interface QueueItem {
  source: string;
  cause: string;
}

/** The report's totals file: `name,value` rows (`discrepancy_rate`, `entries_under_review`, `entries`…). */
function totalsOf(totalsCsv: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(totalsCsv, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.split(','))
      .filter((cells) => cells.length >= 2)
      .map(([name, value]) => [name as string, (value as string).replace(/^"|"$/g, '')]),
  );
}

/** reconciliation-service: payments against bank statements, the review queue, the 09:00 report. */
export const reconciliationServicePart: ServicePart = {
  name: 'reconciliation-service',
  available: true,
  async start(context) {
    const config = loadReconciliationServiceConfig({
      DATABASE_URL: context.databaseUrl,
      DATABASE_SCHEMA: RECONCILIATION_SCHEMA,
      HTTP_PORT: '0',
      ...kafkaEnvOf(context.bus),
      JWT_SECRET: context.merchant.jwtSecret,
      REPORT_DIR: context.reportDir,
      SETTLEMENT_WINDOW_MS: String(DEMO_SETTLEMENT_WINDOW_MS),
      MATCHING_DEBOUNCE_MS: '200',
      MATCHING_POLL_MS: '1000',
    });
    const shared = context.bus.kind === 'in-process' ? context.bus.forSchema(context.databaseUrl, RECONCILIATION_SCHEMA, 'reconciliation-service-bus') : undefined;
    const { app, url } = await startReconciliationService(config, context.logger.child({ service: 'reconciliation-service' }), { bus: shared?.bus, clock: context.clock });
    return {
      url,
      // The next morning: the scenario's clock reaches 09:00 Asia/Shanghai after the business
      // day; the service matches at that instant (the missing bank line is now overdue) and its
      // scheduled job writes the day's report — exactly what its own timers do within a minute.
      endOfDay: async (businessDate: string) => {
        context.clock.jumpTo(shanghaiDayStart(businessDate) + DAY_MS + REPORT_HOUR_SHANGHAI * 3_600_000 + 1_000);
        await app.get(MatchingLoop).runNow();
        await app.get(ReportScheduler).tick();
      },
      stop: async () => {
        await app.close();
        await shared?.close();
      },
    };
  },
  async summarize(context): Promise<SummarySection> {
    const base = context.endpoints['reconciliation-service'];
    const items = await getJson<QueueItem[]>(`${base}/review-items?limit=5000`);
    const bySource = new Map<string, Tally>();
    for (const item of items) {
      const tally = bySource.get(item.source) ?? {};
      count(tally, item.cause);
      bySource.set(item.source, tally);
    }
    const tallies: Record<string, Tally> = { 'review items by cause (reconciliation)': bySource.get('reconciliation') ?? {} };
    for (const [source, tally] of bySource) if (source !== 'reconciliation') tallies[`review queue: ${source} items by cause`] = tally;
    const figures: Record<string, number> = {};
    const files = context.reportDir && existsSync(context.reportDir) ? readdirSync(context.reportDir).sort().map((name) => join(context.reportDir as string, name)) : [];
    const totalsCsv = files.find((file) => file.endsWith('.csv') && file.includes('total'));
    if (totalsCsv) {
      const totals = totalsOf(totalsCsv);
      figures['entries under review'] = Number(totals['entries_under_review']);
      figures['reconciliation entries'] = Number(totals['entries']);
      figures['discrepancy rate'] = Number(totals['entries_under_review']) / Number(totals['entries']);
    }
    return { part: 'reconciliation-service', tallies, figures, files };
  },
};
