import type { StoreQuery } from './xapi-query-repo.js';

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
  verbIds: readonly string[] | undefined;
  /** Stored object ids, also without leading slashes, that may be served as the `activity` filter; undefined: as above. */
  objectIds: readonly string[] | undefined;
}

type FilterQuery = Pick<StoreQuery, 'agent' | 'verb' | 'activity' | 'registration' | 'relatedAgents' | 'relatedActivities' | 'rage'>;

/**
 * The query's agent, verb, activity and registration filters, as conditions on the statement `alias` whose game
 * version is joined as `version`. xAPI statements are found through their index tables; RAGE ones by their player,
 * and by verb and object ids normalised as they are served.
 */
export function filterConditions(query: FilterQuery, alias: string, version: string): { sql: string[]; args: unknown[] } {
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
