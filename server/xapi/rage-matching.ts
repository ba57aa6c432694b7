import { collectorAgent, type NormalizeSettings, pseudonym } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { RageMatching } from '../store/xapi-filter-conditions.js';
import { objectIdsServedAs, type VersionOfActivity, verbIdsServedAs } from './served-iri-preimages.js';
import { ifiKey } from './statement-index.js';

/**
 * What the query's filters name among the activity's RAGE statements, as GET serves them (xapi.md §10): for
 * `agent` (N-7), each player has an account on the installation's home page named by its playerId, or by its
 * pseudonym once the installation has a salt, and the authority is the collector; for `verb` and `activity`, the
 * stored ids that normalising turns into the filter's IRI (N-5, N-6).
 */
export function rageMatching(
  db: Db,
  activityId: string,
  filters: { agent?: string | undefined; verb?: string | undefined; activity?: string | undefined },
  settings: NormalizeSettings,
): RageMatching {
  return {
    homePage: settings.homePage,
    namespace: settings.namespace,
    agentPlayers: filters.agent === undefined ? [] : playersNamedBy(db, activityId, filters.agent, settings),
    agentIsCollector: filters.agent === ifiKey(collectorAgent(settings.homePage)),
    verbIds: filters.verb === undefined ? [] : verbIdsServedAs(filters.verb, settings.namespace),
    objectIds:
      filters.activity === undefined ? [] : objectIdsServedAs(filters.activity, settings.homePage, settings.namespace, versionsOf(db, activityId)),
  };
}

/** The players of the activity whose served account (N-7) the agent key names. */
function playersNamedBy(db: Db, activityId: string, agentKey: string, settings: NormalizeSettings): string[] {
  const account = accountNamed(agentKey, settings.homePage);
  if (account === undefined) return [];
  const salt = settings.pseudonymSalt;
  if (salt === null) {
    const player = prepared<[string], { id: string }>(db, 'SELECT id FROM players WHERE public_id = ?').get(account);
    return player ? [player.id] : [];
  }
  const players = prepared<[string], { id: string; publicId: string }>(
    db,
    'SELECT DISTINCT p.id, p.public_id AS publicId FROM sessions s JOIN players p ON p.id = s.player_id WHERE s.activity_id = ?',
  ).all(activityId);
  return players.filter((player) => pseudonym(salt, player.publicId) === account).map((player) => player.id);
}

/** The game versions the activity's sessions were played with: where their relative object ids are resolved. */
function versionsOf(db: Db, activityId: string): VersionOfActivity[] {
  return prepared<[string], VersionOfActivity>(
    db,
    `SELECT DISTINCT v.game_id AS gameId, v.id AS versionId, v.link AS versionLink FROM sessions s JOIN versions v ON v.id = s.version_id
     WHERE s.activity_id = ?`,
  ).all(activityId);
}

/** The account name of an agent key (statement-index.ts) on `homePage`, else undefined. */
function accountNamed(agentKey: string, homePage: string): string | undefined {
  const parsed: unknown = JSON.parse(agentKey);
  if (!Array.isArray(parsed) || parsed[0] !== 'account' || parsed[1] !== homePage || typeof parsed[2] !== 'string') return undefined;
  return parsed[2];
}
