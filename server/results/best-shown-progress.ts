import { type SessionProgressColumns, shownProgress } from '../admin/shown-progress.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

type SessionProgressRow = SessionProgressColumns & { playerId: string; completion: number | null };

/**
 * Each player's best progress in the activity: the highest of their sessions' progress as Live shows it (shownProgress:
 * 100 % beside a level's `completed`, which the trackers send with no progress; and, as Live's bar reads a session
 * with no progress, 100 % for a game completed). Before, Results took the highest progress the games sent, so a
 * student Live showed at 100 % beside "completed level level1" read 50 % on Results and in its CSV. With `since`,
 * only the sessions heard from since then (this lesson's, as read-lesson-results.ts counts them).
 */
export function readBestShownProgress(db: Db, activityId: string, since: string | null): Map<string, number | null> {
  const rows = prepared<{ activity: string; since: string | null }, SessionProgressRow>(
    db,
    `SELECT gp.player_id AS playerId, s.progress, s.progress_of_game AS progressOfGame, s.last_verb AS lastVerb,
       s.last_object AS lastObject, s.last_object_type AS lastObjectType, s.completion
     FROM gameplays gp JOIN sessions s ON s.gameplay_id = gp.id
     WHERE gp.scope_id = @activity AND (@since IS NULL OR s.last_seen >= @since)`,
  ).all({ activity: activityId, since });
  const best = new Map<string, number | null>();
  for (const row of rows) {
    const shown = shownProgress(row) ?? (row.completion === 1 ? 1 : null);
    const before = best.get(row.playerId) ?? null;
    best.set(row.playerId, before === null ? shown : shown === null ? before : Math.max(before, shown));
  }
  return best;
}
