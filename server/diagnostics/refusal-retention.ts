import type { AppContext } from '../context.js';
import type { Db } from '../store/open-database.js';

/** How often the collector looks for refused requests past their keeping time (one indexed-free scan of a small table). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Removes the refused requests (with the sending device's address and a sample of what it sent) older than the
 * keeping time. A refusal that goes on repeating is a new row each time (rejections-repo.ts), so a problem still
 * happening stays listed. `secure_delete`: the removed rows are overwritten, not left in free pages.
 */
export function pruneRefusals(db: Db, keptDays: number, nowMs: number): number {
  const before = new Date(nowMs - keptDays * 24 * 60 * 60 * 1000).toISOString();
  db.pragma('secure_delete = ON');
  return db.prepare('DELETE FROM rejected_requests WHERE time < ?').run(before).changes;
}

/**
 * The time refused requests are pruned by: the laptop's clock, but never later than the previous reading carried on by
 * a monotonic clock. A clock set weeks ahead by mistake for a while (a typo in the month) pruned weeks of refusals
 * before their time at the hourly prune that fell in it; now that prune goes by the reading an hour before, and a
 * clock left ahead is believed only at the prune after (an hour on). The `stored` clock (stored-clock.ts) would not
 * do: it follows a clock set forward at once and then never goes back. After the laptop slept, the monotonic clock
 * (which stops meanwhile) holds the prune back by the sleep, once: later, never earlier, than the keeping time.
 */
export class RetentionClock {
  private last: { wallMs: number; monotonicMs: number } | undefined;

  constructor(
    private readonly wall: () => number,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  now(): number {
    const wallMs = this.wall();
    const monotonicMs = this.monotonic();
    const carried = this.last ? this.last.wallMs + Math.max(0, monotonicMs - this.last.monotonicMs) : wallMs;
    this.last = { wallMs, monotonicMs };
    return Math.min(wallMs, carried);
  }
}

/** One prune by the writer, logged when it removed anything; what keepRefusalsFor runs once, then every hour. */
export function refusalPruner(ctx: AppContext, clock: RetentionClock = new RetentionClock(ctx.now)): () => Promise<void> {
  return () => {
    const nowMs = clock.now();
    return ctx.writer.run((db) => pruneRefusals(db, ctx.config.refusalsKeptDays, nowMs)).then(
      (removed) => {
        if (removed > 0) ctx.log.info({ removed, keptDays: ctx.config.refusalsKeptDays }, 'refused requests past their keeping time removed');
      },
      (error: unknown) => ctx.log.warn({ err: error }, 'refused requests past their keeping time could not be removed; trying again in an hour'),
    );
  };
}

/**
 * Refused requests are kept for the diagnostics only as long as `refusalsKeptDays` says: pruned once the collector
 * listens, then every hour, by the main connection's writer, never on a game's request.
 */
export function keepRefusalsFor(ctx: AppContext): void {
  const prune = refusalPruner(ctx);
  const first = setTimeout(prune, 0);
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  first.unref();
  timer.unref();
  ctx.onClose(() => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
