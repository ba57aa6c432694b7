import type { Database } from 'better-sqlite3';
import { derivedStatementIdSql, newStatementIdPrefix, STATEMENT_ID_PREFIX_KEY } from '../statement-ids.js';

/**
 * Statements are stored as a row per statement, and a row per request (`statement_batches`) with what the statements
 * of one request share: session, player, stored time, source. Profiled under 100 games at once (issue 8), the ingest
 * writer spent most of its time on the per-statement index entries by session (a dirty leaf page per game per
 * commit) and on a stored, uniquely indexed UUID; now the session is indexed per request and Aula's ids are derived
 * (see statement-ids.ts). The activity stays on each row, indexed with seq: its few insertion points cost little, and
 * every page of an activity's statements (xAPI GET, the dashboard, exports) is a walk of that index in seq order.
 *
 * `statements` stays, as a view with the columns it always had, so every reader is unchanged. Writers use the two
 * tables (statement-rows.ts); the view's INSTEAD OF INSERT trigger keeps plain inserts working for tools and tests.
 * Rows that were stored before keep their ids (stored) and get a batch each.
 */
export function up(db: Database): void {
  const prefix = newStatementIdPrefix();
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(STATEMENT_ID_PREFIX_KEY, prefix);
  db.exec(`
    CREATE TABLE statement_batches (
      id INTEGER PRIMARY KEY,
      session_id INTEGER REFERENCES sessions(id),
      player_id TEXT,
      stored TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('rage', 'xapi'))
    ) STRICT;

    -- id: NULL when Aula assigned it (derived from seq), else the id the statement came with.
    CREATE TABLE statement_rows (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      batch_id INTEGER NOT NULL REFERENCES statement_batches(id),
      activity_id TEXT,
      id TEXT,
      client_id TEXT,
      verb_id TEXT,
      object_id TEXT,
      registration TEXT,
      timestamp TEXT,
      voided INTEGER NOT NULL DEFAULT 0,
      ref_id TEXT,
      json TEXT NOT NULL
    ) STRICT;

    INSERT INTO statement_batches (id, session_id, player_id, stored, source)
      SELECT seq, session_id, player_id, stored, source FROM statements ORDER BY seq;
    INSERT INTO statement_rows (seq, batch_id, activity_id, id, client_id, verb_id, object_id, registration, timestamp, voided, ref_id, json)
      SELECT seq, seq, activity_id, id, client_id, verb_id, object_id, registration, timestamp, voided, ref_id, json FROM statements ORDER BY seq;

    -- The xAPI lookup tables pointed at statements(seq): rebuilt to point at the rows.
    CREATE TABLE xapi_statement_agents_new (
      seq INTEGER NOT NULL REFERENCES statement_rows(seq),
      ifi TEXT NOT NULL,
      related INTEGER NOT NULL,
      PRIMARY KEY (ifi, seq, related)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO xapi_statement_agents_new SELECT seq, ifi, related FROM xapi_statement_agents;
    DROP TABLE xapi_statement_agents;
    ALTER TABLE xapi_statement_agents_new RENAME TO xapi_statement_agents;

    CREATE TABLE xapi_statement_activities_new (
      seq INTEGER NOT NULL REFERENCES statement_rows(seq),
      activity_iri TEXT NOT NULL,
      related INTEGER NOT NULL,
      PRIMARY KEY (activity_iri, seq, related)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO xapi_statement_activities_new SELECT seq, activity_iri, related FROM xapi_statement_activities;
    DROP TABLE xapi_statement_activities;
    ALTER TABLE xapi_statement_activities_new RENAME TO xapi_statement_activities;

    DROP TABLE statements;

    CREATE INDEX statement_batches_by_session ON statement_batches (session_id, id);
    CREATE INDEX statement_batches_by_player_without_session ON statement_batches (player_id, id) WHERE session_id IS NULL;
    CREATE INDEX statement_rows_by_batch ON statement_rows (batch_id);
    CREATE INDEX statement_rows_by_activity ON statement_rows (activity_id, seq);
    CREATE UNIQUE INDEX statement_rows_by_id ON statement_rows (id) WHERE id IS NOT NULL;
    CREATE INDEX statement_rows_by_client_id ON statement_rows (client_id) WHERE client_id IS NOT NULL;
    CREATE INDEX statement_rows_by_verb ON statement_rows (verb_id, seq);
    CREATE INDEX statement_rows_by_ref ON statement_rows (ref_id) WHERE ref_id IS NOT NULL;
    CREATE INDEX statement_rows_by_registration ON statement_rows (registration, seq) WHERE registration IS NOT NULL;

    CREATE VIEW statements AS
      SELECT r.seq, coalesce(r.id, ${derivedStatementIdSql(prefix, 'r.seq')}) AS id, r.client_id, b.session_id, r.activity_id,
        b.player_id, r.verb_id, r.object_id, r.registration, r.timestamp, b.stored, b.source, r.voided, r.json, r.ref_id
      FROM statement_rows r JOIN statement_batches b ON b.id = r.batch_id;

    CREATE TRIGGER statements_insert INSTEAD OF INSERT ON statements
    BEGIN
      INSERT INTO statement_batches (session_id, player_id, stored, source)
        VALUES (NEW.session_id, NEW.player_id, NEW.stored, NEW.source);
      INSERT INTO statement_rows (batch_id, activity_id, id, client_id, verb_id, object_id, registration, timestamp, voided, ref_id, json)
        VALUES (last_insert_rowid(), NEW.activity_id, NEW.id, NEW.client_id, NEW.verb_id, NEW.object_id, NEW.registration,
          NEW.timestamp, coalesce(NEW.voided, 0), NEW.ref_id, NEW.json);
    END;
  `);
}
