import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/** When a statement was stored here: an imported one counts when it was imported, not when the other laptop stored it. */
export const STORED_HERE = 'coalesce(stored_here, stored)';

/**
 * The first seq of the store whose statement was stored here at or after `from` (an ISO time), or undefined when
 * none was. The time a statement was stored here grows with `seq` (one writer stamps and commits in order, from a
 * clock that never goes back: stored-clock.ts, docs/clock.md), so a binary search on the primary key finds it in a
 * few lookups, where a walk would read every statement before it.
 */
export function firstSeqStoredFrom(db: Db, from: string): number | undefined {
  const bounds = prepared<[], { low: number | null; high: number | null }>(
    db,
    // Two subqueries: SQLite answers a lone min() or max() from the primary key, but scans for both in one SELECT.
    'SELECT (SELECT min(seq) FROM statements) AS low, (SELECT max(seq) FROM statements) AS high',
  ).get();
  if (!bounds || bounds.low === null || bounds.high === null) return undefined;
  const storedAt = prepared<[number], { seq: number; stored: string }>(
    db,
    `SELECT seq, ${STORED_HERE} AS stored FROM statements WHERE seq >= ? ORDER BY seq LIMIT 1`,
  );
  let low = bounds.low;
  let high = bounds.high;
  if ((storedAt.get(high)?.stored ?? '') < from) return undefined;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const row = storedAt.get(middle);
    if (row && row.stored < from) low = row.seq + 1;
    else high = middle;
  }
  return low;
}
