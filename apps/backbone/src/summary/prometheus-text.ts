import type { Tally } from './summary-section';

/** One sample of a Prometheus text exposition: metric name, labels, value. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the text format `/metrics` serves (comments skipped). */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(LABEL)) labels[label[1] as string] = (label[2] as string).replace(/\\(.)/g, '$1');
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Fetches and parses a service's `/metrics`. */
export async function scrapeMetrics(url: string): Promise<MetricSample[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return parsePrometheusText(await response.text());
}

/** Sums a counter by one label, over the samples matching `where`. */
export function metricTally(samples: MetricSample[], name: string, byLabel: string, where: Record<string, string> = {}): Tally {
  const tally: Tally = {};
  for (const sample of samples) {
    if (sample.name !== name || Object.entries(where).some(([key, value]) => sample.labels[key] !== value)) continue;
    const label = sample.labels[byLabel] ?? '(none)';
    tally[label] = (tally[label] ?? 0) + sample.value;
  }
  return tally;
}
