import type { Pool } from 'pg';
import { cpuSecondsBetween, kafkaBrokerPid, machineCpuSeconds, processCpuSeconds } from '../orders/cpu-usage';

/** CPU seconds used so far by everything the replay makes work, by name, and by each of the service's PostgreSQL backends. */
interface ReplayCpuSample {
  byName: Map<string, number>;
  backends: Map<number, number>;
}

/** The processes whose CPU the replay accounts for. */
export interface ReplayProcesses {
  service: number | undefined;
  simulator: number | undefined;
  /** The service's database: its PostgreSQL backends are found by application name. */
  pool: Pool;
  applicationName: string;
}

/**
 * What the replay cost in CPU: the service, the simulator, this driver, the service's PostgreSQL
 * backends, the Kafka broker and the whole machine (so whether the two cores were saturated, and
 * by whom, is in the report rather than guessed from the load average).
 */
export class ReplayCpu {
  private constructor(
    private readonly processes: ReplayProcesses,
    private readonly before: ReplayCpuSample,
  ) {}

  static async start(processes: ReplayProcesses): Promise<ReplayCpu> {
    return new ReplayCpu(processes, await sample(processes));
  }

  /** CPU ms per track of each part, and the machine's busy cores on average, since start. */
  async perTrack(tracks: number, elapsedMs: number): Promise<{ cpuMsPerTrack: Record<string, number>; machineBusyCores: number }> {
    const after = await sample(this.processes);
    const spent = (name: string) => (name === 'postgres' ? cpuSecondsBetween(this.before.backends, after.backends) : (after.byName.get(name) ?? NaN) - (this.before.byName.get(name) ?? NaN)) * 1000;
    const cpuMsPerTrack = Object.fromEntries(['service', 'simulator', 'bench', 'postgres', 'kafka'].map((name) => [name, round(spent(name) / tracks)]));
    return { cpuMsPerTrack, machineBusyCores: round(spent('machine') / elapsedMs) };
  }
}

async function sample(processes: ReplayProcesses): Promise<ReplayCpuSample> {
  const own = process.cpuUsage();
  const brokerPid = kafkaBrokerPid();
  const byName = new Map([
    ['service', cpuOf(processes.service)],
    ['simulator', cpuOf(processes.simulator)],
    ['bench', (own.user + own.system) / 1e6],
    ['kafka', cpuOf(brokerPid)],
    ['machine', machineCpuSeconds()?.busy ?? NaN],
  ]);
  return { byName, backends: await backendsCpu(processes.pool, processes.applicationName) };
}

/** CPU seconds of each PostgreSQL backend serving `applicationName` now, by pid (one opened during the replay counts from its start). */
async function backendsCpu(pool: Pool, applicationName: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  return new Map(rows.map(({ pid }) => [pid, processCpuSeconds(pid) ?? 0]));
}

function cpuOf(pid: number | undefined): number {
  return pid === undefined ? NaN : (processCpuSeconds(pid) ?? NaN);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
