/**
 * Bytes of request bodies being read, parsed or waiting for their commit. When a burst (500 games flushing their
 * offline backlog at once) would go over the budget, the newest requests are turned away with 503 + Retry-After
 * before their bodies are held in memory, instead of the process growing until it runs out (issue 8).
 */
export class InflightBudget {
  private used = 0;

  constructor(private readonly limitBytes: number) {}

  get usedBytes(): number {
    return this.used;
  }

  /** Takes `bytes` if they fit; a request alone larger than the whole budget is let through when nothing else is in flight. */
  tryAcquire(bytes: number): boolean {
    if (this.used > 0 && this.used + bytes > this.limitBytes) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
