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
 * Refused requests are kept for the diagnostics only as long as `refusalsKeptDays` says: pruned once the collector
 * listens, then every hour, by the main connection's writer, never on a game's request.
 */
export function keepRefusalsFor(ctx: AppContext): void {
  const prune = () => {
    ctx.writer.run((db) => pruneRefusals(db, ctx.config.refusalsKeptDays, ctx.now())).then(
      (removed) => {
        if (removed > 0) ctx.log.info({ removed, keptDays: ctx.config.refusalsKeptDays }, 'refused requests past their keeping time removed');
      },
      (error: unknown) => ctx.log.warn({ err: error }, 'refused requests past their keeping time could not be removed; trying again in an hour'),
    );
  };
  const first = setTimeout(prune, 0);
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  first.unref();
  timer.unref();
  ctx.onClose(() => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
