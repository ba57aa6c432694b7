import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * The player a researcher or teacher names: the playerId (anonymous ids as shown), or a student's username typed in
 * any case, as students log in (usernames are stored lower-case). An exact match wins, so an xAPI account name stored
 * as sent is still found by itself.
 */
export function findPlayerByPublicId(db: Db, typed: string): { id: string; kind: 'anonymous' | 'identified' } | undefined {
  return prepared<[string, string, string], { id: string; kind: 'anonymous' | 'identified' }>(
    db,
    `SELECT id, kind FROM players WHERE public_id = ? OR (kind = 'identified' AND student_id IS NOT NULL AND public_id = lower(?))
     ORDER BY public_id = ? DESC LIMIT 1`,
  ).get(typed, typed, typed);
}
