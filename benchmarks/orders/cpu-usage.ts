import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds a process has used (user + system), from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
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
export function namedProcessesCpuSeconds(name: string): Map<number, number> | null {
  try {
    const byPid = new Map<number, number>();
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      const stat = readFileSafe(`/proc/${pid}/stat`);
      const seconds = stat?.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name ? processCpuSeconds(Number(pid)) : null;
      if (seconds !== null) byPid.set(Number(pid), seconds);
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

/** The pid in a pid file (the Kafka broker's `.kafka/broker.pid`), or undefined. */
export function pidFromFile(file: string): number | undefined {
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
