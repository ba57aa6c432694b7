import type { Database } from 'better-sqlite3';

/**
 * Where a session was collected, when that was another Aula: that installation's home page and IRI namespace, and
 * the id its game had there. The normalised xAPI form of a statement depends on them (xapi.md N-2, N-4 to N-7:
 * authority, per-player accounts, invented IRIs, and relative object ids, resolved against the game version's object
 * id, which holds the home page and the game id), and N-8 wants the same statement to normalise to the same JSON
 * wherever it is exported or uploaded from. With this laptop's values (and the id of the game here that the import
 * merged it with, by title) an imported statement reached a central LRS as another statement under the same id: a
 * 409 conflict, or a duplicate.
 *
 * Kept per session, not per statement: every statement of a session came through the installation that started it,
 * the export looks each session up once (not each statement), and the statement tables stay as they are. Sessions
 * collected here keep NULL and follow this installation's settings, as before. Origins are few (a laptop's games),
 * so they are a table of their own rather than three strings on every session.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE origins (
      id INTEGER PRIMARY KEY,
      home_page TEXT NOT NULL,
      namespace TEXT NOT NULL,
      game_id TEXT NOT NULL,
      UNIQUE (home_page, namespace, game_id)
    ) STRICT;
    ALTER TABLE sessions ADD COLUMN origin_id INTEGER REFERENCES origins(id);
  `);
}
