import type { Db } from '../../server/store/open-database.js';

export interface StoredRow {
  id: string;
  clientId: string | null;
  sessionId: number;
  stored: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests walk stored JSON freely
  statement: Record<string, any>;
}

/** Statements stored for a session (by its authToken), in storage order. */
export function storedFor(db: Db, authToken: string): StoredRow[] {
  return db
    .prepare(
      `SELECT st.id, st.client_id AS clientId, st.session_id AS sessionId, st.stored, st.json
       FROM statements st JOIN sessions s ON s.id = st.session_id WHERE s.auth_token = ? ORDER BY st.seq`,
    )
    .all(authToken)
    .map((row) => {
      const { json, ...rest } = row as StoredRow & { json: string };
      return { ...rest, statement: JSON.parse(json) };
    });
}

export function countStatements(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
}
