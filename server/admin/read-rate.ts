import { firstSeqStoredFrom, STORED_HERE } from '../store/first-seq-stored.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { RatePoint } from './api-types.js';

/**
 * Statements per minute of one activity over the last `minutes`, oldest first, every minute present.
 * The time a statement was stored here grows with `seq` (one writer stamps and commits in order, from a clock that
 * never goes back; an imported statement counts when it was imported, not when the other laptop stored it:
 * docs/clock.md), so a binary search on the primary key finds where the window starts and only that window of the
 * (activity_id, seq) index is read. `now` is read from that same clock (AppContext.storedClock).
 */
export function readRate(db: Db, activityId: string, minutes: number, now: number): RatePoint[] {
  const firstMinute = Math.floor(now / 60_000) * 60_000 - (minutes - 1) * 60_000;
  const from = new Date(firstMinute).toISOString();
  const startSeq = firstSeqStoredFrom(db, from);
  const counts = new Map<string, number>();
  if (startSeq !== undefined) {
    for (const row of prepared<[string, number, string], { minute: string; n: number }>(
      db,
      `SELECT substr(${STORED_HERE}, 1, 16) AS minute, count(*) AS n FROM statements
       WHERE activity_id = ? AND seq >= ? AND ${STORED_HERE} >= ? GROUP BY minute`,
    ).all(activityId, startSeq, from)) {
      counts.set(row.minute, row.n);
    }
  }
  const points: RatePoint[] = [];
  for (let i = 0; i < minutes; i++) {
    const minute = new Date(firstMinute + i * 60_000).toISOString();
    points.push({ minute, statements: counts.get(minute.slice(0, 16)) ?? 0 });
  }
  return points;
}

/**
 * Each minute as the laptop's clock reads it, for the chart's labels: the minutes are counted by `stored`, which runs
 * ahead of the laptop's clock after it was set back (`leadMs`, until the clock catches up), and labelled by it the
 * chart showed the last half hour as times still to come. Whole minutes, so the bars keep one minute each.
 */
export function withClockMinutes(points: RatePoint[], leadMs: number): RatePoint[] {
  const lead = Math.max(0, Math.round(leadMs / 60_000)) * 60_000;
  return points.map((point) => ({ ...point, clockMinute: new Date(Date.parse(point.minute) - lead).toISOString() }));
}
