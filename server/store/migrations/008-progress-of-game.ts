import type { Database } from 'better-sqlite3';

/**
 * A session's progress is the game's own once the game has reported one (statements-ingest.ts `mergeSummary`):
 * this column says whether the stored progress is the game's, so a level's progress no longer replaces it. Sessions
 * stored before keep their progress as it is; which object it came from was not kept.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE sessions ADD COLUMN progress_of_game INTEGER NOT NULL DEFAULT 0');
}
