import type { Database } from 'better-sqlite3';

/**
 * Issue 10: teacher rules, the alerts they raise, per-student results and the erasure log.
 * - `activities.rules`: the activity's rule settings as JSON (null = none switched on); stored with the activity so
 *   an export of the activity carries them.
 * - `alerts`: one row per raised warning/alert; `rule_key` names the rule instance so a cleared condition or an
 *   acknowledgement finds its row without the engine remembering ids.
 * - `results` / `answer_counts`: maintained from the statements as they are stored (never recounted), per player
 *   so that erasing one player subtracts exactly their part.
 * - `erasures`: who erased how much, when — never whom (no player id, no name).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE activities ADD COLUMN rules TEXT;

    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      activity_id TEXT NOT NULL,
      session_id INTEGER NOT NULL,
      player_id TEXT NOT NULL,
      rule_key TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('warning', 'alert')),
      message TEXT NOT NULL,
      raised TEXT NOT NULL,
      cleared TEXT,
      acknowledged TEXT
    ) STRICT;
    CREATE INDEX alerts_by_activity ON alerts (activity_id, id);
    CREATE INDEX alerts_active ON alerts (session_id, rule_key) WHERE cleared IS NULL AND acknowledged IS NULL;
    CREATE INDEX alerts_by_player ON alerts (player_id);

    CREATE TABLE results (
      activity_id TEXT NOT NULL,
      player_id TEXT NOT NULL,
      object_id TEXT NOT NULL,
      object_type TEXT,
      completed INTEGER NOT NULL DEFAULT 0,
      best_score REAL,
      last_score REAL,
      correct INTEGER NOT NULL DEFAULT 0,
      incorrect INTEGER NOT NULL DEFAULT 0,
      progress REAL,
      updated TEXT NOT NULL,
      PRIMARY KEY (activity_id, player_id, object_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX results_by_player ON results (player_id);

    CREATE TABLE answer_counts (
      activity_id TEXT NOT NULL,
      object_id TEXT NOT NULL,
      response TEXT NOT NULL,
      player_id TEXT NOT NULL,
      count INTEGER NOT NULL,
      correct INTEGER,
      PRIMARY KEY (activity_id, object_id, response, player_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX answer_counts_by_player ON answer_counts (player_id);

    CREATE TABLE erasures (
      id INTEGER PRIMARY KEY,
      time TEXT NOT NULL,
      erased_by TEXT NOT NULL,
      scope TEXT NOT NULL,
      activity_id TEXT,
      player_kind TEXT NOT NULL,
      statements INTEGER NOT NULL,
      sessions INTEGER NOT NULL,
      gameplays INTEGER NOT NULL,
      results INTEGER NOT NULL,
      alerts INTEGER NOT NULL,
      uploaded INTEGER NOT NULL
    ) STRICT;
  `);
}
