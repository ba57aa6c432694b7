import type { Database } from 'better-sqlite3';

/**
 * A tracker re-sends a refused batch, byte for byte, on every flush and forever (real-clients.md §5), and a game with
 * a wrong tracking code retries its start as often: each refusal was a new row with a 2 KB sample, some 36,000 rows
 * an hour for a class whose game sends one invalid statement. A repeat now replaces the earlier row, counted in
 * `repeats` (rejections-repo.ts), found by `repeat_key`. Live counts a session's refused batches through the index
 * by session. Rows stored before keep repeats = 0 and no key: the next repeat of them starts a row of its own.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE rejected_requests ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE rejected_requests ADD COLUMN repeat_key TEXT;
    CREATE INDEX rejected_requests_by_key ON rejected_requests (repeat_key) WHERE repeat_key IS NOT NULL;
    CREATE INDEX rejected_requests_by_session ON rejected_requests (session_id, id) WHERE session_id IS NOT NULL;
  `);
}
