import { NORMALIZE_COLUMNS, NORMALIZE_FROM, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { findStatementSeq } from './statement-ids.js';

export interface QueryRow extends StoredStatementRow {
  seq: number;
  voided: number;
}

/** The filters the store understands (already checked by the route). */
export interface StoreQuery {
  activityId: string;
  agent?: string | undefined;
  verb?: string | undefined;
  activity?: string | undefined;
  registration?: string | undefined;
  relatedActivities: boolean;
  relatedAgents: boolean;
  since?: string | undefined;
  until?: string | undefined;
  ascending: boolean;
  /** Paging: only statements after (in the query's order) this seq, and never newer than `ceiling`. */
  after?: number | undefined;
  ceiling?: number | undefined;
  take: number;
}

const COLUMNS = `s.seq, s.voided, ${NORMALIZE_COLUMNS}`;

export function findStatementRow(db: Db, activityId: string, id: string): QueryRow | undefined {
  const seq = findStatementSeq(db, id);
  if (seq === undefined) return undefined;
  return prepared<[number, string], QueryRow>(db, `SELECT ${COLUMNS} FROM ${NORMALIZE_FROM} WHERE s.seq = ? AND s.activity_id = ?`).get(
    seq,
    activityId,
  );
}

export function newestSeq(db: Db): number {
  return prepared<[], { seq: number | null }>(db, 'SELECT max(seq) AS seq FROM statements').get()?.seq ?? 0;
}

/**
 * GET /xapi/statements (xapi.md §8.2): voided statements excluded; agent, verb, activity and registration match a
 * statement directly or through the statements its StatementRef points to (recursively); since, until and the
 * page bounds apply to the returned statement itself. Ordered by storage sequence (= `stored` order).
 */
export function queryStatements(db: Db, query: StoreQuery): QueryRow[] {
  const matchConditions: string[] = [];
  const matchArgs: unknown[] = [];
  if (query.verb !== undefined) {
    matchConditions.push('m.verb_id = ?');
    matchArgs.push(query.verb);
  }
  if (query.registration !== undefined) {
    matchConditions.push('m.registration = ?');
    matchArgs.push(query.registration);
  }
  if (query.agent !== undefined) {
    matchConditions.push(
      `EXISTS (SELECT 1 FROM xapi_statement_agents a WHERE a.seq = m.seq AND a.ifi = ?${query.relatedAgents ? '' : ' AND a.related = 0'})`,
    );
    matchArgs.push(query.agent);
  }
  if (query.activity !== undefined) {
    matchConditions.push(
      `EXISTS (SELECT 1 FROM xapi_statement_activities a WHERE a.seq = m.seq AND a.activity_iri = ?${query.relatedActivities ? '' : ' AND a.related = 0'})`,
    );
    matchArgs.push(query.activity);
  }
  const where = ['s.activity_id = ?', 's.voided = 0'];
  const args: unknown[] = [];
  let sql = '';
  if (matchConditions.length > 0) {
    sql = `WITH RECURSIVE matched(seq, id) AS (
        SELECT m.seq, m.id FROM statements m WHERE m.activity_id = ? AND ${matchConditions.join(' AND ')}
        UNION SELECT r.seq, r.id FROM statements r JOIN matched ON r.ref_id = matched.id WHERE r.activity_id = ?
      ) `;
    args.push(query.activityId, ...matchArgs, query.activityId);
    where.push('s.seq IN (SELECT seq FROM matched)');
  }
  args.push(query.activityId);
  if (query.since !== undefined) {
    where.push('s.stored > ?');
    args.push(query.since);
  }
  if (query.until !== undefined) {
    where.push('s.stored <= ?');
    args.push(query.until);
  }
  if (query.ceiling !== undefined) {
    where.push('s.seq <= ?');
    args.push(query.ceiling);
  }
  if (query.after !== undefined) {
    where.push(query.ascending ? 's.seq > ?' : 's.seq < ?');
    args.push(query.after);
  }
  sql += `SELECT ${COLUMNS} FROM ${NORMALIZE_FROM} WHERE ${where.join(' AND ')}
    ORDER BY s.seq ${query.ascending ? 'ASC' : 'DESC'} LIMIT ?`;
  args.push(query.take);
  // A bounded set of shapes (which filters are present), so caching each one is fine.
  return prepared<unknown[], QueryRow>(db, sql).all(...args);
}
