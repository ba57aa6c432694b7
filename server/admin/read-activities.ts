import { type Activity, listActivities } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { XAPI_PLAYER_SQL } from '../store/player-counts.js';
import { prepared } from '../store/prepared.js';
import type { ActivityView } from './api-types.js';
import { LIVE_WINDOW_MS } from './read-overview.js';

/** Activities with their maintained counters, plus how many sessions are live right now. */
export function readActivities(db: Db, now: number): ActivityView[] {
  const live = liveSessionsByActivity(db, now);
  const xapi = xapiPlayersByActivity(db);
  return listActivities(db).map((activity) => view(activity, live.get(activity.id) ?? 0, xapi.get(activity.id) ?? 0));
}

/** One activity as readActivities shows it: its own sessions only, through their index by activity. */
export function readActivity(db: Db, activity: Activity, now: number): ActivityView {
  const { n } = prepared<[string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM sessions WHERE activity_id = ? AND ended IS NULL AND last_seen >= ?`,
  ).get(activity.id, liveSince(now)) as { n: number };
  const xapi = prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM gameplays gp JOIN players p ON p.id = gp.player_id WHERE gp.scope_id = ? AND ${XAPI_PLAYER_SQL}`,
  ).get(activity.id) as { n: number };
  return view(activity, n, xapi.n);
}

/** Players an xAPI game identified, per activity: the few such players' gameplays, not every one. */
function xapiPlayersByActivity(db: Db): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of prepared<[], { activityId: string; n: number }>(
    db,
    `SELECT gp.activity_id AS activityId, count(*) AS n FROM gameplays gp JOIN players p ON p.id = gp.player_id
     WHERE gp.activity_id IS NOT NULL AND gp.scope_id = gp.activity_id AND ${XAPI_PLAYER_SQL} GROUP BY gp.activity_id`,
  ).all()) {
    counts.set(row.activityId, row.n);
  }
  return counts;
}

function liveSessionsByActivity(db: Db, now: number): Map<string, number> {
  const live = new Map<string, number>();
  for (const row of prepared<[string], { activityId: string; n: number }>(
    db,
    `SELECT activity_id AS activityId, count(*) AS n FROM sessions
     WHERE activity_id IS NOT NULL AND ended IS NULL AND last_seen >= ? GROUP BY activity_id`,
  ).all(liveSince(now))) {
    live.set(row.activityId, row.n);
  }
  return live;
}

const liveSince = (now: number): string => new Date(now - LIVE_WINDOW_MS).toISOString();

/** A new or deleted (unplayed) activity has no players: xapiPlayers defaults to 0. */
export function view(activity: Activity, liveSessions: number, xapiPlayers = 0): ActivityView {
  return { ...activity, identifiedPlayers: activity.players - activity.anonymousPlayers, xapiPlayers, liveSessions };
}

export function listClasses(db: Db): Array<{ id: string; name: string }> {
  return prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM classes ORDER BY name').all();
}
