/** Counts by label (state, status, cause, outcome…). */
export type Tally = Record<string, number>;

/** One part's contribution to the summary: named tallies and figures, plus where its files are. */
export interface SummarySection {
  part: string;
  tallies: Record<string, Tally>;
  figures: Record<string, number>;
  files: string[];
}

/** Adds one to `tally[label]`. */
export function count(tally: Tally, label: string, by = 1): void {
  tally[label] = (tally[label] ?? 0) + by;
}
