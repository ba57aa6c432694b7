import type { Database } from 'better-sqlite3';

/**
 * Who a refused start was, when the game carried a valid student login: a 1A student who typed 1B's tracking code,
 * for an activity that accepts only its class's logged-in students, is told 401 "Not authorized to join this activity",
 * and the refusal stored only the code, so neither teacher could tell who it was. The roster username, as a failed
 * login's sample already is; NULL for every other refusal (and those stored before).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE rejected_requests ADD COLUMN student TEXT;');
}
