/**
 * Slows password guessing (issue 3): failed logins are counted per username and per network address over a
 * sliding window; over the limit, logins for that username (or from that address) are refused until the oldest
 * counted failure leaves the window. In memory on purpose: a restart forgives, and nothing about failed attempts
 * needs to be written to disk. The address limit is higher because a classroom may share one address (NAT).
 */
export interface LimiterSettings {
  windowMs: number;
  perUsername: number;
  perAddress: number;
  /** Bounds memory when someone sprays many usernames. */
  maxTrackedKeys: number;
}

export const DEFAULT_LIMITS: LimiterSettings = {
  windowMs: 10 * 60 * 1000,
  perUsername: 10,
  perAddress: 50,
  maxTrackedKeys: 10_000,
};

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly settings: LimiterSettings = DEFAULT_LIMITS,
  ) {}

  /** Milliseconds until a login for this pair may be tried, or 0 when it may be tried now. */
  waitMs(username: string, address: string): number {
    return Math.max(
      this.wait(`u:${username}`, this.settings.perUsername),
      this.wait(`a:${address}`, this.settings.perAddress),
    );
  }

  recordFailure(username: string, address: string): void {
    this.add(`u:${username}`);
    this.add(`a:${address}`);
  }

  /** A right password clears the username's count (not the address's: one success must not reset a spray). */
  recordSuccess(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.settings.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    const oldestThatCounts = times[times.length - limit] as number;
    return Math.max(1, oldestThatCounts + this.settings.windowMs - this.now());
  }

  private add(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    // Re-inserted so the Map's order is "least recently failed first": pruning forgets idle keys, never the
    // address that is spraying.
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > this.settings.maxTrackedKeys) this.prune();
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
    // Still too many: forget the keys that failed least recently.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.settings.maxTrackedKeys) break;
      this.failures.delete(key);
    }
  }
}
