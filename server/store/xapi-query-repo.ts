import { NORMALIZE_COLUMNS, NORMALIZE_FROM, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { ensureRageFilterFunctions } from './rage-filter-functions.js';
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
  /** How RAGE statements, served normalised, are matched (the route knows the installation's settings). */
  rage: RageMatching;
}

/**
 * RAGE statements are served in their normalised xAPI form (xapi.md §10), so the filters match that form: the actor
 * is the player's own account (N-7), the authority the collector, verb and object ids IRIs (N-5, N-6).
 */
export interface RageMatching {
  homePage: string;
  namespace: string;
  /** The players whose account the `agent` filter names. */
  agentPlayers: readonly string[];
  /** The `agent` filter names the collector, every RAGE statement's authority (matched with related_agents). */
  agentIsCollector: boolean;
  /** Stored verb ids served as the `verb` filter (served-iri-preimages.ts); undefined: too many, check every row. */
  verbIds?: readonly string[] | undefined;
  /** Stored object ids, leading slashes removed, that may be served as the `activity` filter; undefined: as above. */
  objectIds?: readonly string[] | undefined;
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
 *
 * The page is one walk of the activity's index in seq order that stops at `take`, checking each statement's filters
 * as it goes; what matches only through a StatementRef is worked out first, from the activity's (few) referring
 * statements. Before, every match was collected first and each one then scanned the activity for its referrers: a
 * verb filter over 20,000 statements took 27 s.
 */
export function queryStatements(db: Db, query: StoreQuery): QueryRow[] {
  const where = ['s.activity_id = ?', 's.voided = 0'];
  const args: unknown[] = [query.activityId];
  ensureRageFilterFunctions(db);
  const direct = filterConditions(query, 's', 'v');
  if (direct.sql.length > 0) {
    where.push(`(${direct.sql.join(' AND ')} OR s.seq IN (SELECT value FROM json_each(?)))`);
    args.push(...direct.args, JSON.stringify(matchingThroughRefs(db, query)));
  }
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
  const sql = `SELECT ${COLUMNS} FROM ${NORMALIZE_FROM} WHERE ${where.join(' AND ')}
    ORDER BY s.seq ${query.ascending ? 'ASC' : 'DESC'} LIMIT ?`;
  args.push(query.take);
  // A bounded set of shapes (which filters are present), so caching each one is fine.
  return prepared<unknown[], QueryRow>(db, sql).all(...args);
}

/**
 * The query's agent, verb, activity and registration filters, as conditions on the statement `alias` whose game
 * version is joined as `version`. xAPI statements are found through their index tables; RAGE ones by their player,
 * and by verb and object ids normalised as they are served.
 */
function filterConditions(query: StoreQuery, alias: string, version: string): { sql: string[]; args: unknown[] } {
  const sql: string[] = [];
  const args: unknown[] = [];
  const { rage } = query;
  const isRage = `${alias}.source = 'rage'`;
  if (query.verb !== undefined) {
    const verb = `${alias}.verb_id`;
    const other = otherStoredIds(verb, query.verb, rage.verbIds, false, { sql: `aula_rage_verb_iri(${verb}, ?)`, args: [rage.namespace] });
    sql.push(other ? `(${verb} = ? OR (${isRage} AND ${other.sql}))` : `${verb} = ?`);
    args.push(query.verb, ...(other?.args ?? []));
  }
  if (query.registration !== undefined) {
    sql.push(`${alias}.registration = ?`);
    args.push(query.registration);
  }
  if (query.agent !== undefined) {
    sql.push(
      `(EXISTS (SELECT 1 FROM xapi_statement_agents a WHERE a.seq = ${alias}.seq AND a.ifi = ?${query.relatedAgents ? '' : ' AND a.related = 0'})
        OR (${isRage} AND (${alias}.player_id IN (SELECT value FROM json_each(?)) OR ?)))`,
    );
    args.push(query.agent, JSON.stringify(rage.agentPlayers), query.relatedAgents && rage.agentIsCollector ? 1 : 0);
  }
  if (query.activity !== undefined) {
    const object = `${alias}.object_id`;
    const other = otherStoredIds(object, query.activity, rage.objectIds, true, {
      sql: `aula_rage_object_iri(${object}, ?, ?, ${version}.game_id, ${version}.id, ${version}.link)`,
      args: [rage.homePage, rage.namespace],
    });
    sql.push(
      `(EXISTS (SELECT 1 FROM xapi_statement_activities a WHERE a.seq = ${alias}.seq AND a.activity_iri = ?${query.relatedActivities ? '' : ' AND a.related = 0'})
        OR (${isRage} AND (${object} = ?${other ? ` OR ${other.sql}` : ''})))`,
    );
    args.push(query.activity, query.activity, ...(other?.args ?? []));
  }
  return { sql, args };
}

/**
 * For a RAGE row, the condition that its stored id in `column`, other than `iri` itself, is served as `iri`; null
 * when no other id can be (what trackers send: the filter's IRI is then matched as stored, at no extra cost).
 * `listed`: the candidates (served-iri-preimages.ts), undefined when too many to list; `served`: the SQL of the id
 * as served, which decides for each candidate row.
 */
function otherStoredIds(
  column: string,
  iri: string,
  listed: readonly string[] | undefined,
  withLeadingSlashes: boolean,
  served: { sql: string; args: unknown[] },
): { sql: string; args: unknown[] } | null {
  const others = listed?.filter((id) => id !== iri);
  if (others?.length === 0) return null;
  const list = JSON.stringify(others);
  const candidates =
    others === undefined
      ? { sql: `NOT ${servedAsIs(column)}`, args: [] }
      : withLeadingSlashes
        ? {
            sql: `(${column} IN (SELECT value FROM json_each(?)) OR (substr(${column}, 1, 1) = '/' AND ltrim(${column}, '/') IN (SELECT value FROM json_each(?))))`,
            args: [list, list],
          }
        : { sql: `${column} IN (SELECT value FROM json_each(?))`, args: [list] };
  return { sql: `(${candidates.sql} AND ${served.sql} = ?)`, args: [...candidates.args, ...served.args, iri] };
}

/**
 * True in SQL when a RAGE id is surely served exactly as stored: an http(s) IRI without characters that IRIs forbid,
 * which is what trackers send. A filter is itself such an IRI (statement-query.ts), so a stored id equal to it is
 * served as it; only ids for which this is false can be served as the filter after normalising, and only they pay
 * for the function's call (per row, it tripled the time of a filter that matches nothing).
 */
function servedAsIs(column: string): string {
  return `((substr(${column}, 1, 7) = 'http://' OR substr(${column}, 1, 8) = 'https://')
    AND ${column} NOT GLOB '*[^!-~]*' AND ${column} NOT GLOB '*[<>"{}|\\^\`]*')`;
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
  const direct = filterConditions(query, 'm', 'mv');
  const matchesDirectly = prepared<unknown[], { one: number }>(
    db,
    `SELECT 1 AS one FROM statements m LEFT JOIN sessions ms ON ms.id = m.session_id LEFT JOIN versions mv ON mv.id = ms.version_id
     WHERE m.seq = ? AND m.activity_id = ? AND ${direct.sql.join(' AND ')}`,
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
