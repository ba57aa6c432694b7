import type { StoreQuery } from './xapi-query-repo.js';

/**
 * RAGE statements are served in their normalised xAPI form (xapi.md §10), so the filters match that form: the actor
 * is the player's own account (N-7), the authority the collector, verb and object ids IRIs (N-5, N-6).
 */
export interface RageMatching {
  homePage: string;
  namespace: string;
  /** The players whose account the `agent` filter names… */
  agentPlayers: readonly string[];
  /**
   * …and the home page of that account: a statement imported from another laptop is served with that laptop's home
   * page (its session's origin, migration 11), so the same player name on another home page is someone else.
   */
  agentHomePage?: string | undefined;
  /** The `agent` filter names the collector of `agentHomePage`, every RAGE statement's authority (with related_agents). */
  agentIsCollector: boolean;
  /** Stored verb ids served as the `verb` filter (served-iri-preimages.ts); undefined: too many, check every row. */
  verbIds: readonly string[] | undefined;
  /** Stored object ids, also without leading slashes, that may be served as the `activity` filter; undefined: as above. */
  objectIds: readonly string[] | undefined;
}

type FilterQuery = Pick<StoreQuery, 'agent' | 'verb' | 'activity' | 'registration' | 'relatedAgents' | 'relatedActivities' | 'rage'>;

/** The tables a filter condition reads besides the statement: its session's game version and origin. */
export interface FilterAliases {
  statement: string;
  /** versions, joined through the statement's session */
  version: string;
  /** origins, LEFT JOINed on the session's origin_id (ORIGIN_JOIN): null for statements collected here */
  origin: string;
}

/**
 * The query's agent, verb, activity and registration filters, as conditions on the statement, its game version and
 * its session's origin. xAPI statements are found through their index tables; RAGE ones by their player, and by verb
 * and object ids normalised as they are served: with the home page, namespace and game id of the laptop that
 * collected them (export/statement-origin.ts), this one's for statements collected here.
 */
export function filterConditions(query: FilterQuery, aliases: FilterAliases): { sql: string[]; args: unknown[] } {
  const sql: string[] = [];
  const args: unknown[] = [];
  const { rage } = query;
  const { statement: alias, version, origin } = aliases;
  const isRage = `${alias}.source = 'rage'`;
  const servedHomePage = `COALESCE(${origin}.home_page, ?)`;
  const servedNamespace = `COALESCE(${origin}.namespace, ?)`;
  if (query.verb !== undefined) {
    const verb = `${alias}.verb_id`;
    const other = otherStoredIds(verb, query.verb, rage.verbIds, false, {
      sql: `aula_rage_verb_iri(${verb}, ${servedNamespace})`,
      args: [rage.namespace],
    });
    sql.push(other ? `(${verb} = ? OR (${isRage} AND ${other.sql}))` : `${verb} = ?`);
    args.push(query.verb, ...(other?.args ?? []));
  }
  if (query.registration !== undefined) {
    sql.push(`${alias}.registration = ?`);
    args.push(query.registration);
  }
  if (query.agent !== undefined) {
    const collector = query.relatedAgents && rage.agentIsCollector;
    const rageRows =
      rage.agentHomePage !== undefined && (rage.agentPlayers.length > 0 || collector)
        ? `OR (${isRage} AND ${servedHomePage} = ? AND (${alias}.player_id IN (SELECT value FROM json_each(?)) OR ?))`
        : '';
    sql.push(
      `(EXISTS (SELECT 1 FROM xapi_statement_agents a WHERE a.seq = ${alias}.seq AND a.ifi = ?${query.relatedAgents ? '' : ' AND a.related = 0'})
        ${rageRows})`,
    );
    args.push(query.agent);
    if (rageRows !== '') args.push(rage.homePage, rage.agentHomePage, JSON.stringify(rage.agentPlayers), collector ? 1 : 0);
  }
  if (query.activity !== undefined) {
    const object = `${alias}.object_id`;
    const other = otherStoredIds(object, query.activity, rage.objectIds, true, {
      // The game id it had there (asCollected): the import may have merged its game with one of this laptop's.
      sql: `aula_rage_object_iri(${object}, ${servedHomePage}, ${servedNamespace}, COALESCE(${origin}.game_id, ${version}.game_id), ${version}.id, ${version}.link)`,
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
