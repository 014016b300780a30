/**
 * A progress bar on stderr for long CLI work. It stays silent for the first second, so quick runs
 * print nothing; on a terminal it redraws one line, elsewhere it prints a line every 10%.
 */
import type { CliOutput } from './cli-io';

export class ProgressBar {
  private readonly started = Date.now();
  private lastDecile = -1;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly stream: CliOutput,
    private readonly delayMs = 1000,
  ) {}

  update(done: number, total: number): void {
    if (Date.now() - this.started < this.delayMs || total <= 0) return;
    const fraction = Math.min(1, done / total);
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
      this.stream.write(`\r${this.label} [${bar}] ${Math.round(fraction * 100)}% (${done}/${total})`);
      this.drawn = true;
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        this.stream.write(`${this.label}: ${decile * 10}% (${done}/${total})\n`);
      }
    }
  }

  done(): void {
    if (this.drawn) this.stream.write('\n');
  }
}
