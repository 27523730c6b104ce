import type { StepProgress } from '../scenario/scenario-driver';

const BAR_WIDTH = 24;

/**
 * Shows the run's progress: on a terminal one live line per step (a bar and counts, redrawn in
 * place); otherwise (CI, a pipe, a test) a plain line when a step starts and when it ends.
 */
export class ProgressReporter {
  private current?: string;
  private readonly tty: boolean;

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }) {
    this.tty = out.isTTY === true;
  }

  update({ step, done, total }: StepProgress): void {
    if (this.tty) {
      if (this.current !== undefined && this.current !== step) this.out.write('\n');
      this.current = step;
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      this.out.write(`\r\x1b[2K  ${step.padEnd(30)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
      return;
    }
    if (this.current !== step) {
      this.current = step;
      this.out.write(`  ${step}: ${total} to do\n`);
    }
    if (done === total) this.out.write(`  ${step}: ${done}/${total} done\n`);
  }

  /** A plain message between steps. */
  line(text: string): void {
    if (this.tty && this.current !== undefined) this.out.write('\n');
    this.current = undefined;
    this.out.write(`${text}\n`);
  }
}
