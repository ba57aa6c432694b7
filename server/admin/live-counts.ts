import type { AppContext } from '../context.js';
import { LESSON_BREAK_MS } from '../rules/clock-gaps.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { DEFAULT_IDLE_AFTER_MS, idleAfterMs } from '../rules/idle-after.js';
import { FORGET_SILENT_MS } from '../rules/session-state.js';
import { prepared } from '../store/prepared.js';

/**
 * Beyond the threshold, how far back a session's stored last-seen may lie and its game still count as live: the
 * pauses the rules keep (the laptop asleep, Aula off, the clock set; for the hours FORGET_SILENT_MS says, each shorter
 * than a lesson break) are not silence. Sessions seen before it are not looked at.
 */
const PAUSES_KEPT_MS = FORGET_SILENT_MS + LESSON_BREAK_MS;

interface Candidate {
  id: number;
  activityId: string | null;
  lastSeen: string;
}

/**
 * How many sessions are live, per activity (null: sessions of no activity): not ended, and their game silent for less
 * than the activity's idle threshold (idle-after.ts), counted as the Idle rule counts a silence (RulesEngine.silentMs:
 * the time the laptop slept, Aula was off or its clock was set is not silence), so the header and Activities count what
 * Live shows as active. Before, a fixed 3 minutes by the wall clock: with the Idle alert at 1 minute the header counted
 * idle students as live, after a sleep over lunch it counted no one, and after the clock was set back an hour it
 * counted every game closed in that hour. Only the sessions seen in the last hours are counted, but finding them is a
 * scan of the sessions table (never of statements), as the header's totals already make: an index on last_seen would be
 * rewritten with every batch stored, on the ingest path. `activityId` reads one activity's, through their index by
 * activity.
 */
export function liveSessionCounts(ctx: AppContext, now: number, activityId?: string): Map<string | null, number> {
  const engine = rulesEngineFor(ctx);
  const thresholds = new Map<string | null, number>([[null, DEFAULT_IDLE_AFTER_MS]]);
  const activityIds =
    activityId === undefined ? prepared<[], { id: string }>(ctx.db, 'SELECT id FROM activities').all().map((row) => row.id) : [activityId];
  for (const id of activityIds) thresholds.set(id, idleAfterMs(engine.rulesOf(id)));
  const since = new Date(now - Math.max(...thresholds.values()) - PAUSES_KEPT_MS).toISOString();
  const candidates =
    activityId === undefined
      ? prepared<[string], Candidate>(
          ctx.db,
          'SELECT id, activity_id AS activityId, last_seen AS lastSeen FROM sessions WHERE ended IS NULL AND last_seen >= ?',
        ).all(since)
      : prepared<[string, string], Candidate>(
          ctx.db,
          `SELECT id, activity_id AS activityId, last_seen AS lastSeen FROM sessions
           WHERE activity_id = ? AND ended IS NULL AND last_seen >= ?`,
        ).all(activityId, since);
  const silences = engine.silentMs(candidates, now);
  const counts = new Map<string | null, number>();
  for (const session of candidates) {
    const threshold = thresholds.get(session.activityId) ?? thresholds.get(null) ?? 0;
    if ((silences.get(session.id) ?? Number.POSITIVE_INFINITY) < threshold) counts.set(session.activityId, (counts.get(session.activityId) ?? 0) + 1);
  }
  return counts;
}

/** All live sessions (the header's count). */
export function liveSessionTotal(ctx: AppContext, now: number): number {
  let total = 0;
  for (const count of liveSessionCounts(ctx, now).values()) total += count;
  return total;
}
