import type { Db } from '../store/open-database.js';
import { type ActivityErasureReport, eraseActivity } from './erase-activity.js';
import { type ErasureReport, type ErasureTarget, erasePlayer } from './erase-player.js';

/**
 * One erasure as a job for a write transaction. `secure_delete` makes SQLite overwrite what it frees with zeros,
 * so the removed rows cannot be read back from free pages of the file.
 */
export function erasureJob(target: ErasureTarget, erasedBy: string, now: string): (db: Db) => ErasureReport {
  return (db) => {
    db.pragma('secure_delete = ON');
    return erasePlayer(db, target, erasedBy, now);
  };
}

/**
 * After commit: copy the WAL into the database and truncate it, so older page images holding the erased rows do
 * not linger in the -wal file. Best effort: a busy reader only delays this to the next checkpoint.
 */
export function checkpointAfterErasure(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // a later automatic checkpoint does the same
  }
}

/** Erasing a whole activity's data as a job for a write transaction, with freed pages zeroed as above. */
export function activityErasureJob(activity: string, erasedBy: string, nowMs: number): (db: Db) => ActivityErasureReport {
  return (db) => {
    db.pragma('secure_delete = ON');
    return eraseActivity(db, activity, erasedBy, nowMs);
  };
}
