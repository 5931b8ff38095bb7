/** Reports progress of a long job: a redrawn bar on a terminal, plain periodic lines otherwise. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = 5000,
  ) {}

  get isTTY(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** Adds finished units and redraws (terminal) or prints a line at most every intervalMs. */
  advance(units: number, label = ''): void {
    this.done = Math.min(this.total, this.done + units);
    const now = Date.now();
    if (this.isTTY) {
      this.out.write(`\r${this.render(label)}\u001b[K`);
    } else if (now - this.lastLine >= this.intervalMs || this.done === this.total) {
      this.lastLine = now;
      this.out.write(`${this.render(label)}\n`);
    }
  }

  finish(message: string): void {
    if (this.isTTY) this.out.write('\n');
    this.out.write(`${message}\n`);
  }

  render(label = ''): string {
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? (this.total - this.done) / rate : NaN;
    const share = this.total ? this.done / this.total : 1;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    return `[${bar}] ${(share * 100).toFixed(1).padStart(5)}% ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit}, ${Math.round(rate).toLocaleString('en-US')}/s, ETA ${formatDuration(left)}${label ? ` (${label})` : ''}`;
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}
