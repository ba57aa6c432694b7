import type { Database } from 'better-sqlite3';

/**
 * An alert's wording as data (JSON: the rule's wording key and the values it fills in), beside its English `message`:
 * the dashboard words it in the teacher's language. Null for the alerts raised before (they show their `message`).
 * Written once per alert raised, never per statement.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE alerts ADD COLUMN wording TEXT');
}
