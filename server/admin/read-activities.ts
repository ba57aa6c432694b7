import { type Activity, listActivities } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { ActivityView } from './api-types.js';
import { LIVE_WINDOW_MS } from './read-overview.js';

/** Activities with their maintained counters, plus how many sessions are live right now. */
export function readActivities(db: Db, now: number): ActivityView[] {
  const live = liveSessionsByActivity(db, now);
  return listActivities(db).map((activity) => view(activity, live.get(activity.id) ?? 0));
}

/** One activity as readActivities shows it: its own sessions only, through their index by activity. */
export function readActivity(db: Db, activity: Activity, now: number): ActivityView {
  const { n } = prepared<[string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM sessions WHERE activity_id = ? AND ended IS NULL AND last_seen >= ?`,
  ).get(activity.id, liveSince(now)) as { n: number };
  return view(activity, n);
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

export function view(activity: Activity, liveSessions: number): ActivityView {
  return { ...activity, identifiedPlayers: activity.players - activity.anonymousPlayers, liveSessions };
}

export function listClasses(db: Db): Array<{ id: string; name: string }> {
  return prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM classes ORDER BY name').all();
}
