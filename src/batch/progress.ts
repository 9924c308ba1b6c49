/**
 * Progress on stderr. A TTY gets one line redrawn in place (bar, done/total, docs/s, ETA, failures); anything else
 * gets a plain line every few seconds (logs stay readable); --quiet gets nothing.
 */
export interface ProgressCounts {
  done: number;
  total: number;
  failed: number;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  quiet: boolean;
  /** Interval of plain lines when the stream is not a TTY. */
  plainIntervalMs?: number;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}` : `${m}:${String(sec).padStart(2, "0")}`;
}

/** "12/40 docs  3.1 docs/s  ETA 0:09  2 failed" (rate and ETA over the time since start). */
export function progressText(c: ProgressCounts, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (c.done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (c.total - c.done) / rate : Number.POSITIVE_INFINITY;
  return `${c.done}/${c.total} docs  ${rate.toFixed(1)} docs/s  ETA ${formatDuration(eta)}  ${c.failed} failed`;
}

export class Progress {
  private readonly options: ProgressOptions;
  private readonly tty: boolean;
  private readonly started: number;
  private lastDraw = 0;
  private counts: ProgressCounts = { done: 0, total: 0, failed: 0 };
  private timer: NodeJS.Timeout | null = null;

  constructor(options: ProgressOptions) {
    this.options = options;
    this.tty = !options.quiet && (options.stream as NodeJS.WriteStream).isTTY === true;
    this.started = this.now();
    if (!options.quiet && !this.tty) {
      this.timer = setInterval(() => this.plainLine(), options.plainIntervalMs ?? 5000);
      this.timer.unref();
    }
  }

  update(counts: ProgressCounts): void {
    this.counts = counts;
    // Redraw at most ~10 times a second: a terminal write per document would cost more than small documents.
    if (this.tty && (this.now() - this.lastDraw > 100 || counts.done === counts.total)) this.draw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.tty) {
      this.draw();
      this.options.stream.write("\n");
    }
  }

  private draw(): void {
    this.lastDraw = this.now();
    const width = 24;
    const { done, total } = this.counts;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    this.options.stream.write(`\r\x1b[K${bar} ${progressText(this.counts, this.now() - this.started)}`);
  }

  private plainLine(): void {
    this.options.stream.write(`batch: ${progressText(this.counts, this.now() - this.started)}\n`);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
