import type { AppContext } from '../context.js';
import type { SessionContext } from '../store/sessions-repo.js';

/**
 * Long enough for the games of a classroom: each sends every second or so (Unity's trackers every 3 s), and with a
 * one-second TTL every one of their batches missed, paying three lookups on a fresh snapshot (about a tenth of the
 * event loop's CPU per batch at that pace, issue 8). Changes are not waited out: those of this process clear the
 * cache at once, the CLI's when the server notices them (changes-elsewhere.ts, within a second).
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Sessions that track found and let in, by authToken, for a second. Profiled under 100 games (issue 8), finding
 * the session and re-reading the activity's access rule was a tenth of the event loop's work per batch: each read
 * starts a new snapshot of a database the writer thread changes all the time. Changes made in this process (the
 * teacher changes an activity or a class, erases a player) clear it at once; changes from the CLI, another process,
 * once the server notices them (changes-elsewhere.ts), within about a second. A session erased meanwhile cannot take
 * statements: its rows are gone and the writer's foreign keys refuse the batch.
 */
class TrackAccessCache {
  private readonly entries = new Map<string, { session: SessionContext; until: number }>();

  get(token: string): SessionContext | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (performance.now() < entry.until) return entry.session;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, session: SessionContext): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { session, until: performance.now() + TTL_MS });
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<AppContext, TrackAccessCache>();

export function trackAccessCache(ctx: AppContext): TrackAccessCache {
  let cache = caches.get(ctx);
  if (!cache) {
    const created = new TrackAccessCache();
    const clear = () => created.clear();
    ctx.bus.on('activity.changed', clear);
    ctx.bus.on('classes.changed', clear);
    ctx.bus.on('changed.elsewhere', clear);
    caches.set(ctx, created);
    cache = created;
  }
  return cache;
}
