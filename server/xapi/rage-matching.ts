import { type NormalizeSettings, pseudonym } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { RageMatching } from '../store/xapi-filter-conditions.js';
import { objectIdsServedAs, type VersionOfActivity, verbIdsServedAs } from './served-iri-preimages.js';

/** The account name of the collector, every RAGE statement's authority (normalize-statement.ts collectorAgent). */
const COLLECTOR_ACCOUNT = 'aula-collector';

/**
 * What the query's filters name among the activity's RAGE statements, as GET serves them (xapi.md §10): for
 * `agent` (N-7), each player has an account on the installation's home page named by its playerId, or by its
 * pseudonym once the installation has a salt, and the authority is the collector; for `verb` and `activity`, the
 * stored ids that normalising turns into the filter's IRI (N-5, N-6). A statement imported from another laptop is
 * served with that laptop's home page, namespace and game id (its session's origin, migration 11), so the ids are
 * worked out for each of them too.
 */
export function rageMatching(
  db: Db,
  activityId: string,
  filters: { agent?: string | undefined; verb?: string | undefined; activity?: string | undefined },
  settings: NormalizeSettings,
): RageMatching {
  const account = filters.agent === undefined ? undefined : accountOf(filters.agent);
  const versions = filters.activity === undefined ? [] : versionsOf(db, activityId, settings);
  return {
    homePage: settings.homePage,
    namespace: settings.namespace,
    agentPlayers: account === undefined ? [] : playersNamed(db, activityId, account.name, settings),
    agentHomePage: account?.homePage,
    agentIsCollector: account?.name === COLLECTOR_ACCOUNT,
    verbIds:
      filters.verb === undefined ? [] : union(namespacesOf(db, activityId, settings).map((namespace) => verbIdsServedAs(filters.verb as string, namespace))),
    objectIds: filters.activity === undefined ? [] : union(servedWith(versions, settings).map((origin) => objectIdsServedAs(filters.activity as string, origin.homePage, origin.namespace, origin.versions))),
  };
}

/** The players of the activity whose served account name (N-7) is `name`, on whichever home page. */
function playersNamed(db: Db, activityId: string, name: string, settings: NormalizeSettings): string[] {
  const salt = settings.pseudonymSalt;
  if (salt === null) {
    const player = prepared<[string], { id: string }>(db, 'SELECT id FROM players WHERE public_id = ?').get(name);
    return player ? [player.id] : [];
  }
  const players = prepared<[string], { id: string; publicId: string }>(
    db,
    'SELECT DISTINCT p.id, p.public_id AS publicId FROM sessions s JOIN players p ON p.id = s.player_id WHERE s.activity_id = ?',
  ).all(activityId);
  return players.filter((player) => pseudonym(salt, player.publicId) === name).map((player) => player.id);
}

/** A game version the activity was played with, and the home page and namespace its statements are served with. */
interface ServedVersion extends VersionOfActivity {
  homePage: string;
  namespace: string;
}

/**
 * The game versions the activity's sessions were played with (where their relative object ids are resolved), each
 * with the origin it is served with: this laptop's, or for an imported session its laptop's, with the game id it
 * had there (export/statement-origin.ts asCollected).
 */
function versionsOf(db: Db, activityId: string, settings: NormalizeSettings): ServedVersion[] {
  const rows = prepared<[string], VersionOfActivity & { homePage: string | null; namespace: string | null; originGameId: string | null }>(
    db,
    `SELECT DISTINCT v.game_id AS gameId, v.id AS versionId, v.link AS versionLink,
       o.home_page AS homePage, o.namespace AS namespace, o.game_id AS originGameId
     FROM sessions s JOIN versions v ON v.id = s.version_id LEFT JOIN origins o ON o.id = s.origin_id
     WHERE s.activity_id = ?`,
  ).all(activityId);
  return rows.map(({ homePage, namespace, originGameId, ...version }) => ({
    ...version,
    gameId: originGameId ?? version.gameId,
    homePage: homePage ?? settings.homePage,
    namespace: namespace ?? settings.namespace,
  }));
}

/**
 * This laptop's namespace and those of the laptops the activity's sessions were imported from. Each page of a verb
 * filter asks: the activity's sessions are read only once something was imported at all.
 */
function namespacesOf(db: Db, activityId: string, settings: NormalizeSettings): string[] {
  if (!prepared<[], { one: number }>(db, 'SELECT 1 AS one FROM origins LIMIT 1').get()) return [settings.namespace];
  const imported = prepared<[string], { namespace: string }>(
    db,
    'SELECT DISTINCT o.namespace FROM sessions s JOIN origins o ON o.id = s.origin_id WHERE s.activity_id = ?',
  ).all(activityId);
  return [...new Set([settings.namespace, ...imported.map((row) => row.namespace)])];
}

/** The versions grouped by the home page and namespace they are served with; this laptop's always among them. */
function servedWith(
  versions: readonly ServedVersion[],
  settings: NormalizeSettings,
): Array<{ homePage: string; namespace: string; versions: VersionOfActivity[] }> {
  const { homePage, namespace } = settings;
  // An id under this laptop's namespace (`…/activities/<id>`) is served without any version.
  const groups = new Map([[`${homePage}\u0000${namespace}`, { homePage, namespace, versions: [] as VersionOfActivity[] }]]);
  for (const { homePage, namespace, ...version } of versions) {
    const key = `${homePage}\u0000${namespace}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { homePage, namespace, versions: [] };
      groups.set(key, group);
    }
    group.versions.push(version);
  }
  return [...groups.values()];
}

/** The candidates of every origin together; undefined (too many to list) when any origin has too many. */
function union(lists: Array<string[] | undefined>): string[] | undefined {
  if (lists.some((list) => list === undefined)) return undefined;
  return [...new Set(lists.flat() as string[])];
}

/** The home page and name of an agent key's account (statement-index.ts ifiKey), else undefined. */
function accountOf(agentKey: string): { homePage: string; name: string } | undefined {
  const parsed: unknown = JSON.parse(agentKey);
  if (!Array.isArray(parsed) || parsed[0] !== 'account' || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'string') return undefined;
  return { homePage: parsed[1], name: parsed[2] };
}
