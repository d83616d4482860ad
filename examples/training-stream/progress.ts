/** A one-line progress bar on a terminal; on anything else, a line every 10%. */
export class ProgressBar {
  private lastDrawn = 0;
  private lastDecile = -1;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly width = 30,
  ) {}

  /** `force` draws even if the terminal was updated a moment ago (for the last update). */
  update(fraction: number, text: string, force = false): void {
    const clamped = Math.min(1, Math.max(0, fraction));
    if (this.stream.isTTY) {
      const now = Date.now();
      if (!force && now - this.lastDrawn < 80) return;
      this.lastDrawn = now;
      const filled = Math.round(clamped * this.width);
      const bar = "█".repeat(filled) + "░".repeat(this.width - filled);
      this.stream.write(`\r${bar} ${(clamped * 100).toFixed(1).padStart(5)}%  ${text}\x1b[K`);
    } else {
      const decile = Math.floor(clamped * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      this.stream.write(`${(clamped * 100).toFixed(0).padStart(3)}%  ${text}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
