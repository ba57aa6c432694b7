import type { Database } from 'better-sqlite3';

/**
 * Live describes a session's last action and result with the object's type (`completed level "level1"`): Java and
 * C# trackers send a bare object id with the type only in `definition.type`, so the id alone read `completed
 * "level1"`. The result (success, score) also says whose it is: a level's outcome ("failed level1") read as the
 * session's while the student played on, so it is now the game's own once the game has sent one (as progress is,
 * migration 8), and otherwise the object it came from is shown with it. Sessions stored before keep their values;
 * the objects their results came from were not kept.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE sessions ADD COLUMN last_object_type TEXT;
    ALTER TABLE sessions ADD COLUMN result_object TEXT;
    ALTER TABLE sessions ADD COLUMN result_object_type TEXT;
    ALTER TABLE sessions ADD COLUMN result_of_game INTEGER NOT NULL DEFAULT 0;
  `);
}
