import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * Statements counted per activity over one group commit, written with one UPDATE each just before it commits, for
 * games' track batches and xAPI batches alike. A class sends into one activity: its row was updated once per batch,
 * some thirty times a commit under saturation (issue 8).
 * Only additions are deferred, so whatever else the group does to the row (an erasure subtracts) adds up the same.
 */
export class ActivityCounters {
  private readonly pending = new Map<string, { count: number; lastSeen: string }>();

  add(activityId: string, count: number, now: string): void {
    const entry = this.pending.get(activityId);
    if (!entry) this.pending.set(activityId, { count, lastSeen: now });
    else {
      entry.count += count;
      if (now > entry.lastSeen) entry.lastSeen = now;
    }
  }

  /** Runs inside the group's transaction, after its jobs. */
  write(db: Db): void {
    for (const [activityId, { count, lastSeen }] of this.pending) {
      prepared(db, 'UPDATE activities SET statements = statements + ?, last_seen = ? WHERE id = ?').run(count, lastSeen, activityId);
    }
    this.pending.clear();
  }

  /** The group failed: its statements were not stored. */
  discard(): void {
    this.pending.clear();
  }
}
