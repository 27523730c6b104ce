import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** CPU seconds a process has used (user + system), from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    return cpuSecondsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** utime + stime of a `/proc/<pid>/stat` line, in seconds (clock ticks of 1/100 s). */
function cpuSecondsOfStat(stat: string): number {
  const fields = stat.split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy and total CPU time of the whole machine so far, in seconds (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } | null {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const ticks = values.map(Number);
    const idle = ticks[3]! + ticks[4]!;
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each process whose command name is `name` (e.g. every `postgres` backend), by pid; null off Linux. */
function namedProcessesCpuSeconds(name: string): Map<number, number> | null {
  try {
    const byPid = new Map<number, number>();
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      const stat = readFileSafe(`/proc/${pid}/stat`);
      if (stat?.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name) byPid.set(Number(pid), cpuSecondsOfStat(stat));
    }
    return byPid;
  } catch {
    return null;
  }
}

/** CPU seconds the processes used between two {@link namedProcessesCpuSeconds} samples (a process that ended meanwhile is not counted). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, end] of after) seconds += end - (before.get(pid) ?? 0);
  return seconds;
}

/** The pid in a pid file, or undefined. */
function pidFromFile(file: string): number | undefined {
  const pid = Number(readFileSafe(file)?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** CPU used so far by each part of the machine a benchmark measures: where each order's cost goes. */
export interface CpuSample {
  parts: Array<[string, number | null]>;
  /** Per backend: PostgreSQL runs a process per connection. */
  postgres: Map<number, number> | null;
  machine: { busy: number; total: number } | null;
}

/** What {@link cpuPerOrder} makes of two samples: ms of CPU per order by part, and how busy the machine was. */
export interface CpuPerOrder {
  parts: Array<[string, number | null]>;
  machineBusyPercent: number | null;
}

/** The pid of the Kafka broker `scripts/kafka.sh` runs (its `.kafka/broker.pid`), or undefined. */
export function kafkaBrokerPid(): number | undefined {
  return pidFromFile(resolve(__dirname, '../../.kafka/broker.pid'));
}

/** Samples the named service processes, then the Kafka broker, this (bench driver) process and every PostgreSQL backend. */
export function sampleCpu(services: Array<[string, number | undefined]>): CpuSample {
  const brokerPid = kafkaBrokerPid();
  const driver = process.cpuUsage();
  return {
    parts: [
      ...services.map(([name, pid]): [string, number | null] => [name, pid ? processCpuSeconds(pid) : null]),
      ['Kafka broker', brokerPid ? processCpuSeconds(brokerPid) : null],
      ['bench driver', (driver.user + driver.system) / 1e6],
    ],
    postgres: namedProcessesCpuSeconds('postgres'),
    machine: machineCpuSeconds(),
  };
}

/** ms of CPU per order each part used between two samples, PostgreSQL last. */
export function cpuPerOrder(before: CpuSample, after: CpuSample, orders: number): CpuPerOrder {
  const perOrder = (seconds: number) => (seconds * 1000) / orders;
  const parts = before.parts.map(([name, start], index): [string, number | null] => {
    const end = after.parts[index]?.[1];
    return [name, start === null || end === null || end === undefined ? null : perOrder(end - start)];
  });
  parts.push(['PostgreSQL', before.postgres && after.postgres ? perOrder(cpuSecondsBetween(before.postgres, after.postgres)) : null]);
  const machineBusyPercent = before.machine && after.machine ? (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total) : null;
  return { parts, machineBusyPercent };
}
