import type { BackboneSummary } from './backbone-summary';
import type { Tally } from './summary-section';

const tallyText = (tally: Tally | undefined): string => {
  const entries = Object.entries(tally ?? {}).filter(([, value]) => value !== 0);
  return entries.length === 0 ? 'none' : entries.map(([label, value]) => `${label} ${value}`).join(', ');
};

/** The summary as a person reads it at the end of the run. */
export function renderSummary(summary: BackboneSummary): string {
  const lines: string[] = [];
  const notAvailable = new Set(summary.notAvailable.map((entry) => entry.part));
  const fromPart = (part: string, text: () => string) => (notAvailable.has(part) ? `not available: ${part}` : text());
  lines.push('', `── Promotion day ${summary.businessDate} (run ${summary.runId}) ──`);
  lines.push(`database: ${summary.infrastructure.database}`, `bus: ${summary.infrastructure.bus}`, '');
  const row = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(40)} ${value}`);
  row('orders placed', String(summary.figures['orders placed'] ?? 0));
  row('orders invoiced (ERP simulator)', String(summary.figures['orders invoiced'] ?? 0));
  row('orders by state', tallyText(summary.tallies['orders by state']));
  row('channel orders by channel', tallyText(summary.tallies['channel orders accepted by channel']));
  row('payment notifications by outcome', tallyText(summary.tallies['payment notifications by outcome']));
  const retries = summary.figures['provider retries (delivery not acknowledged in time)'] ?? 0;
  if (retries > 0) row('  of the duplicates, provider retries', `${retries} (a delivery not acknowledged within the provider's timeout)`);
  const plans = summary.tallies['dispatch plans by outcome'] ?? {};
  row('dispatch plans (order log)', fromPart('fulfillment-service', () => `issued ${plans['issued'] ?? 0}, rejected in sandbox ${plans['rejected in sandbox'] ?? 0}`));
  row('parcels by status', fromPart('fulfillment-service', () => tallyText(summary.tallies['parcels by status'])));
  for (const [name, tally] of Object.entries(summary.tallies)) if (name.startsWith('review items by cause')) row(name, tallyText(tally));
  row('reconciliation discrepancy rate', fromPart('reconciliation-service', () => `${((summary.figures['discrepancy rate'] ?? 0) * 100).toFixed(2)} %`));
  row('report files', fromPart('reconciliation-service', () => summary.files.join(', ') || 'none'));
  lines.push('', 'planted:');
  for (const [fact, value] of Object.entries(summary.planted)) lines.push(`  ${fact.padEnd(44)}${value}`);
  if (summary.skipped.length > 0) lines.push('', 'skipped (service not available):', ...summary.skipped.map((entry) => `  ${entry.step} — not available: ${entry.needs}`));
  for (const entry of summary.notAvailable) lines.push(`not available: ${entry.part} (${entry.reason})`);
  lines.push('', summary.mismatches.length === 0 ? 'check: every planted fact the running services cover was found, and nothing extra' : 'check: MISMATCH between planted and found:', ...summary.mismatches.map((text) => `  ${text}`));
  if (summary.problems.length > 0) lines.push('', 'problems during the run:', ...summary.problems.map((text) => `  ${text}`));
  return lines.join('\n');
}

/** The URLs a person can open while the services stay up. */
export function renderEndpoints(endpoints: Record<string, string>): string {
  const lines = ['', 'The services keep running (Ctrl-C stops them):'];
  for (const [part, url] of Object.entries(endpoints)) lines.push(`  ${part.padEnd(24)}${url}${part === 'simulators' ? '' : `   docs: ${url}/docs`}`);
  return lines.join('\n');
}
