import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { deleteAttachmentsOf } from './xapi-attachments-repo.js';

/** What the statements of one request share (migration 6): one row, however many statements. */
export interface BatchFields {
  sessionId: number | null;
  /** Stored on each row (indexed with seq), but the same for the whole request. */
  activityId: string | null;
  playerId: string | null;
  stored: string;
  source: 'rage' | 'xapi';
  /** Imported: when it was stored here (migration 17); `stored` is then the collecting laptop's time. */
  storedHere?: string;
}

/** What each statement has of its own. `id` null: Aula assigns it (derived from seq, statement-ids.ts). */
export interface RowFields {
  id: string | null;
  clientId: string | null;
  verbId: string | null;
  objectId: string | null;
  registration: string | null;
  timestamp: string | null;
  voided?: number;
  refId?: string | null;
  json: string;
}

export interface StoredBatch {
  id: number;
  activityId: string | null;
}

export function insertBatch(db: Db, batch: BatchFields): StoredBatch {
  const { lastInsertRowid } =
    batch.storedHere === undefined
      ? prepared(db, 'INSERT INTO statement_batches (session_id, player_id, stored, source) VALUES (?, ?, ?, ?)').run(
          batch.sessionId,
          batch.playerId,
          batch.stored,
          batch.source,
        )
      : prepared(db, 'INSERT INTO statement_batches (session_id, player_id, stored, source, stored_here) VALUES (?, ?, ?, ?, ?)').run(
          batch.sessionId,
          batch.playerId,
          batch.stored,
          batch.source,
          batch.storedHere,
        );
  return { id: Number(lastInsertRowid), activityId: batch.activityId };
}

/** Returns the statement's seq. */
export function insertRow(db: Db, batch: StoredBatch, row: RowFields): number {
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO statement_rows (batch_id, activity_id, id, client_id, verb_id, object_id, registration, timestamp, voided, ref_id, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    batch.id,
    batch.activityId,
    row.id,
    row.clientId,
    row.verbId,
    row.objectId,
    row.registration,
    row.timestamp,
    row.voided ?? 0,
    row.refId ?? null,
    row.json,
  );
  return Number(lastInsertRowid);
}

/** What a statement without an id of its own needs stored: the common case of a game's batch. */
export type PlainRowFields = Pick<RowFields, 'verbId' | 'objectId' | 'registration' | 'timestamp' | 'json'>;

const ROWS_PER_INSERT = 32;
const PLAIN_ROW = '(?, ?, ?, ?, ?, ?, ?)';
/** The INSERT for n rows, built once per n: prepared() finds its statement by the text. */
const plainInsertSql: string[] = [];

function plainInsert(rows: number): string {
  let sql = plainInsertSql[rows];
  if (sql === undefined) {
    sql = `INSERT INTO statement_rows (batch_id, activity_id, verb_id, object_id, registration, timestamp, json)
       VALUES ${Array.from({ length: rows }, () => PLAIN_ROW).join(', ')}`;
    plainInsertSql[rows] = sql;
  }
  return sql;
}

/**
 * Inserts statements that carry no id of their own with one INSERT per (up to) 32 of them instead of one each: per
 * row, the call into SQLite and the statement's setup and reset were a quarter of the ingest writer's time (issue 8).
 * Rows of one INSERT get consecutive seqs (one writer, AUTOINCREMENT). Returns the last row's seq (0: no rows).
 */
export function insertPlainRows(db: Db, batch: StoredBatch, rows: readonly PlainRowFields[]): number {
  let lastSeq = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values: unknown[] = [];
    for (const row of chunk) values.push(batch.id, batch.activityId, row.verbId, row.objectId, row.registration, row.timestamp, row.json);
    lastSeq = Number(prepared(db, plainInsert(chunk.length)).run(...values).lastInsertRowid);
  }
  return lastSeq;
}

/**
 * Deletes statements by seq (erasure), with the lookup rows that point at them, the attachment data no other
 * statement names, and the batches left empty; reads the seqs from a temp table the caller filled.
 */
export function deleteStatements(db: Db, seqTable: string): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS erase_batch (id INTEGER PRIMARY KEY); DELETE FROM temp.erase_batch;`);
  db.exec(`INSERT OR IGNORE INTO temp.erase_batch (id) SELECT batch_id FROM statement_rows WHERE seq IN (SELECT seq FROM ${seqTable})`);
  db.exec(`DELETE FROM xapi_statement_agents WHERE seq IN (SELECT seq FROM ${seqTable})`);
  db.exec(`DELETE FROM xapi_statement_activities WHERE seq IN (SELECT seq FROM ${seqTable})`);
  deleteAttachmentsOf(db, seqTable);
  db.exec(`DELETE FROM statement_rows WHERE seq IN (SELECT seq FROM ${seqTable})`);
  db.exec(`DELETE FROM statement_batches WHERE id IN (SELECT id FROM temp.erase_batch)
             AND NOT EXISTS (SELECT 1 FROM statement_rows r WHERE r.batch_id = statement_batches.id)`);
}

/** The seq of the newest statement stored; 0 when there is none. */
export function newestSeq(db: Db): number {
  return prepared<[], { seq: number | null }>(db, 'SELECT max(seq) AS seq FROM statement_rows').get()?.seq ?? 0;
}
