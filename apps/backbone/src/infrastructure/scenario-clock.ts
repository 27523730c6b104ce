/**
 * "Now" for the services that take a clock: the real time, until the scenario moves it forward
 * (to the next morning's 09:00 Asia/Shanghai, when the day's reconciliation report is due). It
 * never goes back, so a service reading it sees time pass as usual, with one jump.
 */
export class ScenarioClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves "now" forward to `epochMs` (a jump into the past is refused). */
  jumpTo(epochMs: number): void {
    const delta = epochMs - this.now();
    if (delta < 0) throw new Error(`the scenario clock only moves forward (asked to go back ${-delta} ms)`);
    this.offsetMs += delta;
  }
}
