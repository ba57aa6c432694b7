import type { Database } from 'better-sqlite3';

/**
 * Whether an LRS target was sent pseudonymised statements (1) or not (0); NULL for a target uploaded to before this
 * was kept. An upload that made the other choice than the earlier ones would give each student a second identity at
 * that LRS, silently: the uploader refuses it instead (upload-choice.ts).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE upload_targets ADD COLUMN pseudonymized INTEGER');
}
