import type { Database } from 'better-sqlite3';

/**
 * What `GET /xapi/statements` filters on besides the columns of `statements` (xapi.md §8.2): the agents and
 * activities a statement mentions (`related` = only found with related_agents / related_activities), and the
 * statement a StatementRef object points to (voiding and the StatementRef rule of queries).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE statements ADD COLUMN ref_id TEXT;
    CREATE INDEX statements_by_ref ON statements (ref_id) WHERE ref_id IS NOT NULL;
    CREATE INDEX statements_by_registration ON statements (registration, seq) WHERE registration IS NOT NULL;
    CREATE INDEX statements_by_verb ON statements (verb_id, seq);

    CREATE TABLE xapi_statement_agents (
      seq INTEGER NOT NULL REFERENCES statements(seq),
      ifi TEXT NOT NULL,
      related INTEGER NOT NULL,
      PRIMARY KEY (ifi, seq, related)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE xapi_statement_activities (
      seq INTEGER NOT NULL REFERENCES statements(seq),
      activity_iri TEXT NOT NULL,
      related INTEGER NOT NULL,
      PRIMARY KEY (activity_iri, seq, related)
    ) STRICT, WITHOUT ROWID;
  `);
}
