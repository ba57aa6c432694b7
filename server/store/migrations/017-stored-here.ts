import type { Database } from 'better-sqlite3';
import { derivedStatementIdSql, STATEMENT_ID_PREFIX_KEY } from '../statement-ids.js';

/**
 * When this installation stored an imported statement (docs/clock.md). `stored` keeps what the laptop that collected
 * it recorded: exports, bundles and uploads carry that time, so the same statement leaves every Aula as the same JSON
 * (xapi.md N-8) and the classroom's time is never lost. An xAPI client reading this laptop with `since` needs the
 * time it was stored here instead, or a bundle from a laptop whose clock was behind is never seen, and one from a
 * laptop whose clock was ahead pins later statements behind it. NULL: collected here (`stored` is that time).
 *
 * The `statements` view gains the column (at the end, so readers that name their columns are unchanged); its
 * INSTEAD OF INSERT trigger is made again as it was, since dropping the view drops it.
 */
export function up(db: Database): void {
  const prefix = (db.prepare('SELECT value FROM settings WHERE key = ?').get(STATEMENT_ID_PREFIX_KEY) as { value: string }).value;
  db.exec(`
    ALTER TABLE statement_batches ADD COLUMN stored_here TEXT;

    DROP TRIGGER statements_insert;
    DROP VIEW statements;
    CREATE VIEW statements AS
      SELECT r.seq, coalesce(r.id, ${derivedStatementIdSql(prefix, 'r.seq')}) AS id, r.client_id, b.session_id, r.activity_id,
        b.player_id, r.verb_id, r.object_id, r.registration, r.timestamp, b.stored, b.source, r.voided, r.json, r.ref_id,
        b.stored_here
      FROM statement_rows r JOIN statement_batches b ON b.id = r.batch_id;

    CREATE TRIGGER statements_insert INSTEAD OF INSERT ON statements
    BEGIN
      INSERT INTO statement_batches (session_id, player_id, stored, source, stored_here)
        VALUES (NEW.session_id, NEW.player_id, NEW.stored, NEW.source, NEW.stored_here);
      INSERT INTO statement_rows (batch_id, activity_id, id, client_id, verb_id, object_id, registration, timestamp, voided, ref_id, json)
        VALUES (last_insert_rowid(), NEW.activity_id, NEW.id, NEW.client_id, NEW.verb_id, NEW.object_id, NEW.registration,
          NEW.timestamp, coalesce(NEW.voided, 0), NEW.ref_id, NEW.json);
    END;
  `);
}
