import type { Database } from 'better-sqlite3';

/**
 * A counter per student that a password reset raises: every login token carries the value it was issued under, and a
 * token from an earlier value is refused (server/auth/login-tokens.ts). A counter rather than a "valid after" time
 * because token times have one-second resolution and the laptop's clock may be set back; a counter has neither
 * problem. Tokens issued before this migration carry no value and count as 0, like every student here.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE students ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0');
}
