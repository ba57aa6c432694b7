import type { AppContext } from '../context.js';
import { type Activity, listActivities } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { XAPI_PLAYER_SQL } from '../store/player-counts.js';
import { prepared } from '../store/prepared.js';
import type { ActivityView } from './api-types.js';
import { liveSessionCounts } from './live-counts.js';

/** Activities with their maintained counters, plus how many sessions are live right now (as Live shows them active). */
export function readActivities(ctx: AppContext, now: number): ActivityView[] {
  const { db } = ctx;
  const live = liveSessionCounts(ctx, now);
  const xapi = xapiPlayersByActivity(db);
  return listActivities(db).map((activity) => view(activity, live.get(activity.id) ?? 0, xapi.get(activity.id) ?? 0));
}

/** One activity as readActivities shows it: its own sessions only, through their index by activity. */
export function readActivity(ctx: AppContext, activity: Activity, now: number): ActivityView {
  const { db } = ctx;
  const n = liveSessionCounts(ctx, now, activity.id).get(activity.id) ?? 0;
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

/** A new or deleted (unplayed) activity has no players: xapiPlayers defaults to 0. */
export function view(activity: Activity, liveSessions: number, xapiPlayers = 0): ActivityView {
  return { ...activity, identifiedPlayers: activity.players - activity.anonymousPlayers, xapiPlayers, liveSessions };
}

export function listClasses(db: Db): Array<{ id: string; name: string }> {
  return prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM classes ORDER BY name').all();
}
