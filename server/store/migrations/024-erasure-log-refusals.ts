import type { Database } from 'better-sqlite3';

/**
 * The erasure log kept how many statements, sessions, results and alerts an erasure removed, but not the refused
 * requests it removed with them (their samples hold the player's statements; a student's failed logins name them),
 * nor whether a player record went: it under-reported what was erased.
 *
 * - `refused_requests`: NULL on the rows written before (not counted then: the log says `refusedRequests: null`,
 *   not a 0 it cannot vouch for).
 * - `players_removed`: known for the rows written before by their scope alone: erasing everywhere always removed the
 *   player record (1), erasing in one activity never did (0); a whole activity's erasure did not count them (NULL).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE erasures ADD COLUMN refused_requests INTEGER;
    ALTER TABLE erasures ADD COLUMN players_removed INTEGER;
    UPDATE erasures SET players_removed = CASE scope WHEN 'everywhere' THEN 1 WHEN 'activity' THEN 0 END;
  `);
}
