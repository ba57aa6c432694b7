/**
 * Bytes of request bodies being read, parsed or waiting for their commit. When a burst (500 games flushing their
 * offline backlog at once) would go over the budget, the newest requests are turned away with 503 + Retry-After
 * before their bodies are held in memory or parsed, instead of the process growing until it runs out, and instead
 * of admitted requests queueing behind more work than they can wait for (issue 8).
 *
 * A game's regular batch (a few KB) may also use a reserve that large bodies may not: while backlogs wait for
 * their turn, the games still playing keep sending. Some trackers drop a batch that is refused (real-clients.md §5).
 */
export class InflightBudget {
  /** The largest body that may use the reserve: far above a regular batch, far below a backlog. */
  static readonly SMALL_BODY_BYTES = 64 * 1024;

  private used = 0;

  constructor(
    private readonly limitBytes: number,
    private readonly reserveBytes = Math.floor(limitBytes / 2),
  ) {}

  get usedBytes(): number {
    return this.used;
  }

  /** Takes `bytes` if they fit; a request alone larger than the whole budget is let through when nothing else is in flight. */
  tryAcquire(bytes: number): boolean {
    const room = bytes <= InflightBudget.SMALL_BODY_BYTES ? this.limitBytes + this.reserveBytes : this.limitBytes;
    if (this.used > 0 && this.used + bytes > room) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
