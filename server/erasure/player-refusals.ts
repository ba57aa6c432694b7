import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { STUDENT_REFUSALS_WHERE } from '../store/rejections-repo.js';

/**
 * The refused requests an erasure of a player takes with it: those of the sessions it erases (a refused batch's
 * sample holds the player's statements), and, for a roster student's player, those that name the student by username
 * (STUDENT_REFUSALS_WHERE). Erasing everywhere takes every one of those: their failed logins and logouts, and the
 * starts another class's activity refused them, which Diagnostics and the roll call would otherwise go on showing by
 * name for the refusals' 30 days. Erasing in one activity takes only that activity's refused starts of the student
 * (the start's sample is the code tried): a failed login belongs to no activity.
 * Each part is found through an index (by session, login name, student: migrations 12 and 25), never by reading the
 * whole table: erasing a whole activity asks this for every student of it, in the ingest writer's transaction.
 */
export interface PlayerRefusals {
  where: string;
  /** Positional, in the order of `where`'s parameters. */
  params: string[];
}

export function playerRefusals(db: Db, playerId: string, activityId: string | null, sessionIds: string): PlayerRefusals {
  const username =
    prepared<[string], { username: string }>(db, 'SELECT st.username FROM players p JOIN students st ON st.id = p.student_id WHERE p.id = ?').get(playerId)
      ?.username ?? null;
  const bySession = 'session_id IN (SELECT value FROM json_each(?))';
  if (username === null) return { where: bySession, params: [sessionIds] };
  if (activityId === null) return { where: `${bySession} OR (${STUDENT_REFUSALS_WHERE})`, params: [sessionIds, username, username] };
  const code = prepared<[string], { code: string }>(db, 'SELECT tracking_code AS code FROM activities WHERE id = ?').get(activityId)?.code ?? '';
  return { where: `${bySession} OR (route = 'start' AND student = ? AND sample = ?)`, params: [sessionIds, username, code] };
}

export function countPlayerRefusals(db: Db, refusals: PlayerRefusals): number {
  return prepared<string[], { n: number }>(db, `SELECT count(*) AS n FROM rejected_requests WHERE ${refusals.where}`).get(...refusals.params)?.n ?? 0;
}

export function deletePlayerRefusals(db: Db, refusals: PlayerRefusals): number {
  return prepared<string[]>(db, `DELETE FROM rejected_requests WHERE ${refusals.where}`).run(...refusals.params).changes;
}
