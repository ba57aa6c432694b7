import type { Config } from '../config.js';

/**
 * Slows password guessing (issue 3): failed logins are counted per username and per network address over a
 * sliding window; over the limit, logins for that username (or from that address) are refused until the oldest
 * counted failure leaves the window. In memory on purpose: a restart forgives, and nothing about failed attempts
 * needs to be written to disk. The address limit is higher because a classroom may share one address (NAT).
 * One limiter per running collector (AppContext.loginLimiter), so a password reset from the dashboard can forgive.
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

/** The limits a configuration asks for (config.ts; the defaults are DEFAULT_LIMITS). */
export function limiterSettings(config: Pick<Config, 'loginFailuresPerUsername' | 'loginFailuresPerAddress' | 'loginFailureWindowMinutes'>): LimiterSettings {
  return {
    ...DEFAULT_LIMITS,
    windowMs: Math.round(config.loginFailureWindowMinutes * 60 * 1000),
    perUsername: config.loginFailuresPerUsername,
    perAddress: config.loginFailuresPerAddress,
  };
}

/**
 * The name a login's failures are counted under. A known student's count is kept per token generation, which a
 * password reset raises (token-generation.ts): after a reset the student starts afresh, even when the reset ran in
 * another process (`aula student password` while Aula serves), which cannot reach this memory. The prefixes keep
 * the two kinds apart: usernames hold no `:` (credential-rules.ts), unknown ones are whatever was typed.
 */
export function accountKey(username: string, generation: number | undefined): string {
  return generation === undefined ? `?${username}` : `#${generation}:${username}`;
}

const KNOWN_ACCOUNT_KEY = /^u:#\d+:(.*)$/s;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly settings: LimiterSettings = DEFAULT_LIMITS,
  ) {}

  /** Milliseconds until a login for this pair may be tried, or 0 when it may be tried now. Logins pass accountKey(…). */
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

  /**
   * Forgets a username's failures under every account key (a teacher reset the password). Rare, so a scan of the
   * bounded key map is fine. The address's count stays: a reset must not open the door to a spray.
   */
  forgive(username: string): void {
    const unknown = `u:${accountKey(username, undefined)}`;
    for (const key of [...this.failures.keys()]) {
      if (key === unknown || KNOWN_ACCOUNT_KEY.exec(key)?.[1] === username) this.failures.delete(key);
    }
  }

  /**
   * A failure counted "later than now" was counted before the laptop's clock was set back: it counts as of now, so
   * the wait is at most the window, not the window plus however far the clock went back (an hour's lockout for a
   * student who mistyped a few times, docs/clock.md).
   */
  private recent(key: string): number[] {
    const now = this.now();
    const since = now - this.settings.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since).map((time) => Math.min(time, now));
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
