import { cpus, loadavg } from 'node:os';
import type { BenchConfig } from './bench-config';
import { isMeasured, type Figure, type MetricSpec, type Subject, type SubjectFigures } from './metrics';

/** One printed row, also the shape of a metric in the JSON line. */
export interface ReportRow {
  key: string;
  metric: string;
  unit: MetricSpec['unit'];
  ours: number | null;
  emmett: number | null;
  raw: number | null;
  /** ours ÷ Emmett and ours ÷ raw pg. Above 1 is faster for rates, slower for latencies. */
  oursOverEmmett: number | null;
  oursOverRaw: number | null;
  target: string | null;
  verdict: 'PASS' | 'MISS' | null;
}

/** Everything a run produced, as printed and as written to JSON. */
export interface BenchReport {
  benchmark: 'store';
  startedAt: string;
  durationSeconds: number;
  /** The 1-minute load average at start and end: the machine is shared, so read the figures with it. */
  host: { cpus: number; node: string; loadAverage: { atStart: number; atEnd: number } };
  config: Omit<BenchConfig, 'databaseUrl' | 'kafkaBrokers' | 'jsonOut'>;
  rows: ReportRow[];
  notes: string[];
}

/** Joins the three subjects' figures into report rows, with ratios and target verdicts. */
export function buildRows(specs: MetricSpec[], figures: Record<Subject, SubjectFigures>): ReportRow[] {
  return specs.map((spec) => {
    const value = (subject: Subject) => numberOrNull(figures[subject][spec.key]);
    const ours = value('ours');
    return {
      key: spec.key,
      metric: `${spec.label} (${spec.unit})`,
      unit: spec.unit,
      ours,
      emmett: value('emmett'),
      raw: value('raw'),
      oursOverEmmett: ratio(ours, value('emmett')),
      oursOverRaw: ratio(ours, value('raw')),
      target: spec.target === undefined ? null : `${spec.better === 'higher' ? '>=' : '<='} ${formatValue(spec.target, spec.unit)}`,
      verdict: verdict(spec, ours),
    };
  });
}

/** Every "n/a" reason, once per subject and metric, for the notes under the table. */
export function notApplicableNotes(specs: MetricSpec[], figures: Record<Subject, SubjectFigures>): string[] {
  const names: Record<Subject, string> = { ours: 'ours', emmett: 'Emmett', raw: 'raw pg' };
  const notes: string[] = [];
  for (const spec of specs) {
    for (const subject of Object.keys(names) as Subject[]) {
      const figure = figures[subject][spec.key];
      if (figure !== undefined && !isMeasured(figure)) notes.push(`${names[subject]} n/a for "${spec.label}": ${figure.notApplicable}`);
    }
  }
  return notes;
}

/** When the run started and how loaded the machine was then. */
export interface RunStart {
  at: Date;
  loadAverage: number;
}

/** Marks the start of a run. */
export function runStart(): RunStart {
  return { at: new Date(), loadAverage: loadavg()[0]! };
}

/** The report header fields that do not depend on the figures. */
export function reportContext(config: BenchConfig, start: RunStart): Omit<BenchReport, 'rows' | 'notes'> {
  const { databaseUrl: _url, kafkaBrokers: _brokers, jsonOut: _out, ...sizes } = config;
  return {
    benchmark: 'store',
    startedAt: start.at.toISOString(),
    durationSeconds: Math.round((Date.now() - start.at.getTime()) / 100) / 10,
    host: { cpus: cpus().length, node: process.version, loadAverage: { atStart: start.loadAverage, atEnd: loadavg()[0]! } },
    config: sizes,
  };
}

/** The table, then the notes, as one string for stdout. */
export function formatTable(report: BenchReport): string {
  const header = ['metric', 'ours', 'Emmett', 'raw pg', 'ours/Emmett', 'ours/raw', 'target', 'result'];
  const lines = report.rows.map((row) => [
    row.metric,
    cell(row.ours, row.unit),
    cell(row.emmett, row.unit),
    cell(row.raw, row.unit),
    ratioCell(row.oursOverEmmett),
    ratioCell(row.oursOverRaw),
    row.target ?? '',
    row.verdict ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  // Text columns left-aligned, numbers right-aligned, so digits line up.
  const render = (line: string[]) => line.map((text, column) => (column === 0 || column === 7 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const { cpus: cores, node, loadAverage } = report.host;
  const load = `load ${loadAverage.atStart.toFixed(1)} -> ${loadAverage.atEnd.toFixed(1)}`;
  const summary = `${cores} cores (${load}), node ${node}, ${report.durationSeconds} s; ratios = ours ÷ other (rates: >1 = ours faster; ms: <1 = ours faster)`;
  return [summary, render(header), rule, ...lines.map(render), '', ...report.notes.map((note) => `* ${note}`)].join('\n');
}

function numberOrNull(figure: Figure | undefined): number | null {
  return isMeasured(figure) ? figure : null;
}

function ratio(ours: number | null, other: number | null): number | null {
  return ours === null || other === null || other === 0 ? null : ours / other;
}

function verdict(spec: MetricSpec, ours: number | null): ReportRow['verdict'] {
  if (spec.target === undefined || ours === null) return null;
  const met = spec.better === 'higher' ? ours >= spec.target : ours <= spec.target;
  return met ? 'PASS' : 'MISS';
}

function formatValue(value: number, unit: MetricSpec['unit']): string {
  if (unit === 'ms') return `${value.toFixed(2)} ms`;
  return Math.round(value).toLocaleString('en-US');
}

function cell(value: number | null, unit: MetricSpec['unit']): string {
  return value === null ? 'n/a' : formatValue(value, unit);
}

function ratioCell(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}x`;
}
