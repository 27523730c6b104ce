import pino from 'pino';
import { PeriodicJob } from './periodic-job';

const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicJob', () => {
  it('never runs the work twice at once: ticks that find a run in flight are skipped', async () => {
    let inFlight = 0;
    let most = 0;
    let runs = 0;
    const job = new PeriodicJob('slow job', async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(60);
      inFlight -= 1;
      runs += 1;
    }, silent);
    job.start(5);
    await sleep(200);
    await job.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4); // ~200 ms / 60 ms per run, not one run per 5 ms tick
  });

  it('logs a failed run and runs again at the next tick; stop() waits for the run in flight', async () => {
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line).msg) });
    let runs = 0;
    let finished = false;
    const job = new PeriodicJob('flaky job', async () => {
      runs += 1;
      if (runs === 1) throw new Error('database down');
      await sleep(30);
      finished = true;
    }, logger);
    job.start(5);
    // Until the second run has started (a fixed sleep was too short for a loaded CI machine), then stop mid-run.
    while (runs < 2) await sleep(5);
    await job.stop();
    expect(errors).toEqual(['flaky job failed; the next run retries']);
    expect(runs).toBe(2);
    expect(finished).toBe(true);
  });

  it('with immediately, runs the work at once rather than one interval later', async () => {
    let runs = 0;
    const job = new PeriodicJob('eager job', async () => void (runs += 1), silent);
    job.start(60_000, { immediately: true });
    await sleep(20);
    await job.stop();
    expect(runs).toBe(1);
  });
});
