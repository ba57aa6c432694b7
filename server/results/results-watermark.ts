import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getSetting, setSetting } from '../store/settings-repo.js';

/**
 * How far the results are known to be complete (migration 9): every stored statement up to this seq is folded into
 * them, except what an import folded itself (`results_folded`). Written in the same transaction as the results.
 */
const RESULTS_THROUGH_KEY = 'results_through_seq';

export function readResultsThrough(db: Db): number {
  return Number(getSetting(db, RESULTS_THROUGH_KEY) ?? 0);
}

/** With the results it covers; the import's ranges below it are of no more use. */
export function writeResultsThrough(db: Db, seq: number): void {
  setSetting(db, RESULTS_THROUGH_KEY, String(seq));
  prepared(db, 'DELETE FROM results_folded WHERE last_seq <= ?').run(seq);
}

/** An import's statements from `firstSeq` to `lastSeq` are in the results already: catching up skips them. */
export function markResultsFolded(db: Db, firstSeq: number, lastSeq: number): void {
  prepared(db, 'INSERT OR IGNORE INTO results_folded (first_seq, last_seq) VALUES (?, ?)').run(firstSeq, lastSeq);
}

export interface UnfoldedStatement {
  seq: number;
  activityId: string;
  playerId: string;
  json: string;
}

/**
 * Statements after `after` up to `end` (inclusive) that the results have not folded, in seq order, at most `limit`:
 * those of an activity and a player, as results are kept, and not of an import's range.
 */
export function readUnfolded(db: Db, after: number, end: number, limit: number): UnfoldedStatement[] {
  return prepared<[number, number, number], UnfoldedStatement>(
    db,
    `SELECT r.seq, r.activity_id AS activityId, b.player_id AS playerId, r.json
       FROM statement_rows r JOIN statement_batches b ON b.id = r.batch_id
      WHERE r.seq > ? AND r.seq <= ? AND r.activity_id IS NOT NULL AND b.player_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM results_folded f WHERE r.seq BETWEEN f.first_seq AND f.last_seq)
      ORDER BY r.seq LIMIT ?`,
  ).all(after, end, limit);
}
