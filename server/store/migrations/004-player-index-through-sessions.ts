import type { Database } from 'better-sqlite3';

/**
 * Statements are found by player through the player's sessions (index statements_by_session), not through an index
 * of their own: with a class of games sending at once, every commit dirtied one leaf page of (player_id, seq) per
 * player on top of the one per session, and writing those pages was a quarter of the ingest writer's time (issue 8).
 * The partial index keeps the rare statement without a session findable at no cost to ingest.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX IF EXISTS statements_by_player;
    CREATE INDEX statements_by_player_without_session ON statements (player_id, seq) WHERE session_id IS NULL;
  `);
}
