import type { Database } from 'better-sqlite3';

/**
 * What an erasure removed, by the internal ids that travel in bundles (a player's row id when erased everywhere, the
 * erased gameplays' ids): importing a bundle made before the erasure brought the erased player back. Random row ids,
 * never a playerId, username or name, so the erasure log still does not say who was erased.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erased_ids (
      kind TEXT NOT NULL CHECK (kind IN ('player', 'gameplay')),
      id TEXT NOT NULL,
      erasure_id INTEGER NOT NULL REFERENCES erasures(id),
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;
  `);
}
