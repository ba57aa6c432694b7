/**
 * Counts events per key (a client address) in fixed windows. In memory on purpose: a restart forgives, and nothing
 * about a flood needs to be written to disk while it happens.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number; refused: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Bounds memory when someone sprays many addresses. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one event; returns 0 when it is allowed, else the milliseconds until the key's window ends. Refusals do not count. */
  take(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || now < window.start) {
      window = { start: now, count: 0, refused: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.prune(now);
    }
    if (window.count >= this.limit) {
      window.refused++;
      return Math.max(1, window.start + this.windowMs - now);
    }
    window.count++;
    return 0;
  }

  /** Refusals in the key's current window: lets callers log a flood once instead of once per request. */
  refusals(key: string): number {
    return this.windows.get(key)?.refused ?? 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
    // Still too many: forget the oldest windows (a Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

