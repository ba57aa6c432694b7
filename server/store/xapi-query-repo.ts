import { ORIGIN_COLUMNS, ORIGIN_JOIN, type OriginColumns } from '../export/statement-origin.js';
import { NORMALIZE_COLUMNS, NORMALIZE_FROM, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { ensureRageFilterFunctions } from './rage-filter-functions.js';
import { activityEdge, readInSteps, type StepEdge, type StepOptions } from './read-in-steps.js';
import { findStatementSeq } from './statement-ids.js';
import { filterConditions, type RageMatching } from './xapi-filter-conditions.js';

/** A statement with where it was collected (its session's origin), which GET serves it as (get-statements.ts). */
export interface QueryRow extends StoredStatementRow, OriginColumns {
  seq: number;
  voided: number;
  /** Imported: when this installation stored it, which GET serves as `stored` (migration 17); null: `stored` is. */
  storedHere: string | null;
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
  /** How RAGE statements, served normalised, are matched (the route knows the installation's settings). */
  rage: RageMatching;
}

const COLUMNS = `s.seq, s.voided, s.stored_here AS storedHere, ${NORMALIZE_COLUMNS}, ${ORIGIN_COLUMNS}`;
/** `stored` as this LRS serves it: when it was stored here, an imported statement's too (docs/clock.md). */
const STORED_HERE = 'coalesce(s.stored_here, s.stored)';
const FROM = `${NORMALIZE_FROM} ${ORIGIN_JOIN}`;

export function findStatementRow(db: Db, activityId: string, id: string): QueryRow | undefined {
  const seq = findStatementSeq(db, id);
  if (seq === undefined) return undefined;
  return prepared<[number, string], QueryRow>(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE s.seq = ? AND s.activity_id = ?`).get(
    seq,
    activityId,
  );
}

/**
 * GET /xapi/statements (xapi.md §8.2): voided statements excluded; agent, verb, activity and registration match a
 * statement directly or through the statements its StatementRef points to (recursively); since, until and the
 * page bounds apply to the returned statement itself. Ordered by storage sequence (= `stored` order).
 *
 * The page is a walk of the activity's index in seq order that stops at `take`, checking each statement's filters
 * as it goes; what matches only through a StatementRef is worked out first, from the activity's (few) referring
 * statements. Before, every match was collected first and each one then scanned the activity for its referrers: a
 * verb filter over 20,000 statements took 27 s. The walk goes in steps (read-in-steps.ts); the page's `ceiling`
 * keeps statements committed between them out of it.
 */
export async function queryStatements(db: Db, query: StoreQuery, steps: StepOptions = {}): Promise<QueryRow[]> {
  const where = ['s.activity_id = ?', 's.voided = 0'];
  const args: unknown[] = [query.activityId];
  ensureRageFilterFunctions(db);
  const direct = filterConditions(query, { statement: 's', version: 'v', origin: 'o' });
  if (direct.sql.length > 0) {
    where.push(`(${direct.sql.join(' AND ')} OR s.seq IN (SELECT value FROM json_each(?)))`);
    args.push(...direct.args, JSON.stringify(matchingThroughRefs(db, query)));
  }
  if (query.since !== undefined) {
    where.push(`${STORED_HERE} > ?`);
    args.push(query.since);
  }
  if (query.until !== undefined) {
    where.push(`${STORED_HERE} <= ?`);
    args.push(query.until);
  }
  const order = query.ascending ? 'ASC' : 'DESC';
  const beyond = query.ascending ? 's.seq > ?' : 's.seq < ?';
  const within = query.ascending ? 's.seq <= ?' : 's.seq >= ?';
  // One bound on each side of a step, never two on the same side: SQLite would walk the index from either one.
  const page = (bounded: boolean) =>
    prepared<unknown[], QueryRow>(
      db,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${[...where, beyond, ...(bounded ? [within] : [])].join(' AND ')}
       ORDER BY s.seq ${order} LIMIT ?`,
    );
  const ceiling = query.ceiling ?? Number.MAX_SAFE_INTEGER;
  const first = query.ascending ? (query.after ?? 0) : Math.min(query.after ?? Number.MAX_SAFE_INTEGER, ceiling + 1);
  const edges = activityEdge(db, query.activityId, query.ascending);
  // Upwards the walk ends at the ceiling; downwards it started below it.
  const edgeOf: StepEdge = query.ascending
    ? (after, stepRows) => {
        const edge = edges(after, stepRows);
        return edge === undefined || edge >= ceiling ? undefined : edge;
      }
    : edges;
  return readInSteps(
    first,
    query.take,
    edgeOf,
    (after, edge, take) => {
      const end = query.ascending ? (edge ?? ceiling) : edge;
      const bounds = end === undefined || end === Number.MAX_SAFE_INTEGER ? [after] : [after, end];
      return page(bounds.length === 2).all(...args, ...bounds, take);
    },
    steps,
  );
}

/**
 * The seqs of the activity's StatementRef statements whose target matches the filters, directly or through its own
 * StatementRef. Each chain is followed once (results are remembered) and iteratively, so a long or circular chain
 * sent on purpose costs its length and nothing more.
 */
function matchingThroughRefs(db: Db, query: StoreQuery): number[] {
  // `+activity_id`: walk the partial index of referring statements, not the whole activity.
  const referring = prepared<[string], { seq: number; refId: string }>(
    db,
    'SELECT seq, ref_id AS refId FROM statement_rows WHERE ref_id IS NOT NULL AND +activity_id = ?',
  ).all(query.activityId);
  if (referring.length === 0) return [];
  const targetOf = new Map(referring.map((row) => [row.seq, row.refId]));
  const direct = filterConditions(query, { statement: 'm', version: 'mv', origin: 'mo' });
  const matchesDirectly = prepared<unknown[], { one: number }>(
    db,
    `SELECT 1 AS one FROM statements m LEFT JOIN sessions ms ON ms.id = m.session_id LEFT JOIN versions mv ON mv.id = ms.version_id
     LEFT JOIN origins mo ON mo.id = ms.origin_id WHERE m.seq = ? AND m.activity_id = ? AND ${direct.sql.join(' AND ')}`,
  );
  const known = new Map<number, boolean>();
  const matches = (start: number): boolean => {
    const path: number[] = [];
    let seq: number | undefined = start;
    let result = false;
    while (seq !== undefined) {
      const remembered = known.get(seq);
      if (remembered !== undefined) {
        result = remembered;
        break;
      }
      // Provisionally no: a chain that comes back to a statement already on it matches nothing more.
      known.set(seq, false);
      path.push(seq);
      if (matchesDirectly.get(seq, query.activityId, ...direct.args)) {
        result = true;
        break;
      }
      const target = targetOf.get(seq);
      seq = target === undefined ? undefined : findStatementSeq(db, target);
    }
    for (const visited of path) known.set(visited, result);
    return result;
  };
  return referring.filter((row) => {
    const target = findStatementSeq(db, row.refId);
    return target !== undefined && matches(target);
  }).map((row) => row.seq);
}
