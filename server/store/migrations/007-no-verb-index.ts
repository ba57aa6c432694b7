import type { Database } from 'better-sqlite3';

/**
 * Statements are no longer indexed by verb. A game's verbs interleave, so every commit inserted into the middle of
 * (verb_id, seq) at one point per verb, splitting pages there: under 100 games at once that index was a third of
 * the ingest writer's SQLite time and half of the pages it wrote (issue 8; saturation went from about 22,400 to
 * 25,300 statements/s without it). Every query that filters by verb is also scoped to an activity (xAPI GET) or
 * pages the newest first (the dashboard), so it now walks (activity_id, seq) or the primary key and checks the verb.
 */
export function up(db: Database): void {
  db.exec('DROP INDEX IF EXISTS statement_rows_by_verb');
}
