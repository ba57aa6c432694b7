import type { Db } from '../store/open-database.js';
import { getSetting, setSetting } from '../store/settings-repo.js';
import type { ClockGap } from './clock-gaps.js';

/**
 * When the rules engine last wrote (every write of alerts and results, at least every half minute while sessions are
 * live, and when Aula stops): the next start counts the time from then as Aula off, not as the students' silence.
 */
const LAST_WATCHED_KEY = 'rules_watched_at';

/** In the writer's transaction of alerts and results. */
export function writeLastWatched(db: Db, iso: string): void {
  setSetting(db, LAST_WATCHED_KEY, iso);
}

/**
 * The last moment Aula is known to have been running (wall-clock ms), or null for a store that never ran it: the last
 * write of the rules, or the last batch stored if later (Aula killed half a minute after its last write), as the
 * collector found it at the start (newestStoredHere, read once for its stored clock: StoredClock.startedFrom).
 */
export function readLastWatched(db: Db, newestStoredHere: number | undefined): number | null {
  const written = getSetting(db, LAST_WATCHED_KEY);
  // An imported batch by when it was stored here, never by the other laptop's clock (stored-clock.ts).
  const times = [written ? Date.parse(written) : Number.NaN, newestStoredHere ?? Number.NaN].filter((ms) => Number.isFinite(ms));
  return times.length > 0 ? Math.max(...times) : null;
}

/**
 * The pauses of the last hours (the laptop asleep, Aula off), kept across a restart: a student silent since before a
 * sleep is not reported idle the moment Aula starts again because that sleep was forgotten. Written when one is
 * noticed, which is rare (a few a day).
 */
const UNWATCHED_KEY = 'rules_unwatched';

export function readUnwatched(db: Db): ClockGap[] {
  try {
    const parsed: unknown = JSON.parse(getSetting(db, UNWATCHED_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((gap): gap is ClockGap => Number.isFinite(gap?.before) && Number.isFinite(gap?.ms));
  } catch {
    return [];
  }
}

export function writeUnwatched(db: Db, gaps: readonly ClockGap[]): void {
  setSetting(db, UNWATCHED_KEY, JSON.stringify(gaps));
}
