import { spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * The day's report in multi-process mode: reconciliation-service runs on its own clock there, so
 * the morning is not simulated — once the settlement window of the day's last flow has passed
 * (`flowsRecordedBy`: the missing bank line is then overdue and the next matching poll says so) the
 * service's own report command writes the business date's report, as the 09:00 job does. The
 * window runs from the flows' own times, so the part of it the scenario already spent is not waited again.
 */
export async function writeReportWithServiceCommand(businessDate: string, env: NodeJS.ProcessEnv, settlementWindowMs: number, flowsRecordedBy: number): Promise<void> {
  const overdueAt = flowsRecordedBy + settlementWindowMs + 3_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, overdueAt - Date.now())));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/reconciliation-service/src/cli/report.ts', '--date', businessDate], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the reconciliation report command exited with ${code}`))));
  });
}
