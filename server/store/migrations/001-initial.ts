import type { Database } from 'better-sqlite3';

/**
 * The whole first schema. Counters (statements, sessions, players, last_seen) live on the rows the dashboard
 * reads, and are maintained by the ingest writer in the same transaction as the inserts, so no screen ever has
 * to scan `statements`.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE games (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created TEXT NOT NULL
    ) STRICT;

    CREATE TABLE versions (
      id TEXT PRIMARY KEY,
      game_id TEXT NOT NULL REFERENCES games(id),
      tracking_code TEXT NOT NULL UNIQUE,
      link TEXT,
      created TEXT NOT NULL
    ) STRICT;

    CREATE TABLE classes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created TEXT NOT NULL
    ) STRICT;

    CREATE TABLE students (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT,
      email TEXT NOT NULL DEFAULT '',
      password_hash TEXT NOT NULL,
      created TEXT NOT NULL
    ) STRICT;

    CREATE TABLE class_members (
      class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
      student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      role TEXT NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'assistant', 'teacher')),
      PRIMARY KEY (class_id, student_id)
    ) STRICT;

    CREATE TABLE revoked_tokens (
      jti TEXT PRIMARY KEY,
      expires INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      game_id TEXT NOT NULL REFERENCES games(id),
      version_id TEXT NOT NULL REFERENCES versions(id),
      class_id TEXT REFERENCES classes(id),
      tracking_code TEXT NOT NULL UNIQUE,
      allow_anonymous INTEGER NOT NULL DEFAULT 1,
      open INTEGER NOT NULL DEFAULT 1,
      created TEXT NOT NULL,
      opened TEXT,
      closed TEXT,
      statements INTEGER NOT NULL DEFAULT 0,
      sessions INTEGER NOT NULL DEFAULT 0,
      players INTEGER NOT NULL DEFAULT 0,
      anonymous_players INTEGER NOT NULL DEFAULT 0,
      last_seen TEXT
    ) STRICT;

    CREATE TABLE xapi_credentials (
      key TEXT PRIMARY KEY,
      secret TEXT NOT NULL,
      activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      created TEXT NOT NULL,
      revoked TEXT
    ) STRICT;

    CREATE TABLE players (
      id TEXT PRIMARY KEY,
      public_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('anonymous', 'identified')),
      animal_name TEXT NOT NULL,
      student_id TEXT REFERENCES students(id),
      created TEXT NOT NULL,
      statements INTEGER NOT NULL DEFAULT 0,
      last_seen TEXT
    ) STRICT;

    -- One per (scope, player): the original's "gameplay" record. scope_id is the activity id, or the version id
    -- for sessions started with a game-version tracking code.
    CREATE TABLE gameplays (
      id TEXT PRIMARY KEY,
      scope_id TEXT NOT NULL,
      activity_id TEXT REFERENCES activities(id),
      version_id TEXT NOT NULL REFERENCES versions(id),
      player_id TEXT NOT NULL REFERENCES players(id),
      sessions INTEGER NOT NULL DEFAULT 0,
      first_started TEXT NOT NULL,
      UNIQUE (scope_id, player_id)
    ) STRICT;

    -- One per start (an "attempt").
    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      gameplay_id TEXT NOT NULL REFERENCES gameplays(id),
      activity_id TEXT REFERENCES activities(id),
      version_id TEXT NOT NULL REFERENCES versions(id),
      player_id TEXT NOT NULL REFERENCES players(id),
      number INTEGER NOT NULL,
      auth_token TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL DEFAULT 'rage' CHECK (source IN ('rage', 'xapi')),
      registration TEXT,
      started TEXT NOT NULL,
      ended TEXT,
      last_seen TEXT NOT NULL,
      statements INTEGER NOT NULL DEFAULT 0,
      last_verb TEXT,
      last_object TEXT,
      progress REAL,
      completion INTEGER,
      success INTEGER,
      score REAL,
      last_body_hash TEXT
    ) STRICT;
    CREATE INDEX sessions_by_activity ON sessions (activity_id, id);
    CREATE INDEX sessions_by_player ON sessions (player_id, id);
    CREATE INDEX sessions_by_registration ON sessions (registration) WHERE registration IS NOT NULL;

    -- seq is the storage order: stable paging and commit order. id is the statement id Aula serves (the client's
    -- UUID when it sent a valid unused one, else one assigned at receipt); client_id keeps whatever the client sent.
    CREATE TABLE statements (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      client_id TEXT,
      session_id INTEGER REFERENCES sessions(id),
      activity_id TEXT,
      player_id TEXT,
      verb_id TEXT,
      object_id TEXT,
      registration TEXT,
      timestamp TEXT,
      stored TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('rage', 'xapi')),
      voided INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX statements_by_activity ON statements (activity_id, seq);
    CREATE INDEX statements_by_session ON statements (session_id, seq);
    CREATE INDEX statements_by_player ON statements (player_id, seq);
    CREATE INDEX statements_by_client_id ON statements (session_id, client_id) WHERE client_id IS NOT NULL;

    CREATE TABLE upload_targets (
      id TEXT PRIMARY KEY,
      endpoint TEXT NOT NULL,
      username TEXT NOT NULL,
      created TEXT NOT NULL,
      UNIQUE (endpoint, username)
    ) STRICT;

    CREATE TABLE upload_state (
      target_id TEXT NOT NULL REFERENCES upload_targets(id) ON DELETE CASCADE,
      statement_seq INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'conflict', 'rejected')),
      status INTEGER,
      message TEXT,
      updated TEXT NOT NULL,
      PRIMARY KEY (target_id, statement_seq)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE rejected_requests (
      id INTEGER PRIMARY KEY,
      time TEXT NOT NULL,
      route TEXT NOT NULL,
      address TEXT,
      session_id INTEGER,
      status INTEGER NOT NULL,
      message TEXT NOT NULL,
      sample TEXT
    ) STRICT;
  `);
}
