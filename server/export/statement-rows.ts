import type Database from 'better-sqlite3';
import { NORMALIZE_COLUMNS, NORMALIZE_FROM, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import type { StatementWhere } from './filters.js';

/** A stored statement plus the columns the flat formats show. */
export interface ExportRow extends StoredStatementRow {
  seq: number;
  sessionId: number | null;
  sessionNumber: number | null;
  activityName: string | null;
  activityCode: string | null;
}

const SELECT = `SELECT s.seq, ${NORMALIZE_COLUMNS}, s.session_id AS sessionId, se.number AS sessionNumber,
    a.name AS activityName, a.tracking_code AS activityCode
  FROM ${NORMALIZE_FROM} LEFT JOIN activities a ON a.id = s.activity_id`;

export function countStatements(db: Db, where: StatementWhere): number {
  const row = db.prepare(`SELECT count(*) AS n FROM statements s ${where.sql}`).get(...where.params) as { n: number };
  return row.n;
}

/**
 * Streams rows in storage order. `.iterate()` keeps one row in memory at a time; the connection stays busy until
 * the iterator finishes, so callers inside the server use a read connection of their own (openReadConnection).
 */
export function iterateStatements(db: Db, where: StatementWhere, afterSeq = 0): IterableIterator<ExportRow> {
  const clause = where.sql === '' ? 'WHERE s.seq > ?' : `${where.sql} AND s.seq > ?`;
  const statement: Database.Statement<unknown[], ExportRow> = db.prepare(`${SELECT} ${clause} ORDER BY s.seq`);
  return statement.iterate(...where.params, afterSeq);
}
