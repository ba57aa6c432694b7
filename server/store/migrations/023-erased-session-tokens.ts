import type { Database } from 'better-sqlite3';

/**
 * The authTokens of the sessions an erasure removed, as SHA-256 hashes: a game still running when its player was
 * erased goes on sending its batches, and Aula kept each refusal with a sample of the body (the erased player's
 * statements, their name in the actor) for 30 days. Knowing the token was erased, it keeps no sample
 * (erased-session-tokens.ts). A hash, never the token: the database holds nothing a game could be told, nor a name.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erased_session_tokens (
      token_hash TEXT PRIMARY KEY,
      erasure_id INTEGER NOT NULL REFERENCES erasures(id)
    ) STRICT, WITHOUT ROWID;
  `);
}
