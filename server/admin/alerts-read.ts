import { parseWording } from '../rules/alert-wording.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { AlertItem, PlayerAlertItem, StudentAlerts } from './api-types.js';
import { PLAYER_REF_COLUMNS, type PlayerColumns, playerRef } from './read-sessions.js';


const ALERT_COLUMNS = `al.id, al.session_id AS sessionId, s.number AS sessionNumber, al.rule_key AS rule, al.severity, al.message,
  al.wording, al.raised, al.cleared, al.acknowledged`;
const ACTIVE = 'al.cleared IS NULL AND al.acknowledged IS NULL';
/** A row as stored: the wording as its JSON text. */
type AlertRow = Omit<AlertItem, 'wording'> & { wording: string | null };

/** The class table: students with active alerts, most alerts first, then most warnings, then the latest. */
export function readActivityAlerts(db: Db, activityId: string): StudentAlerts[] {
  const rows = prepared<[string], AlertRow & PlayerColumns>(
    db,
    `SELECT ${ALERT_COLUMNS}, p.id AS playerId, ${PLAYER_REF_COLUMNS}
     FROM alerts al JOIN players p ON p.id = al.player_id LEFT JOIN students st ON st.id = p.student_id
     LEFT JOIN sessions s ON s.id = al.session_id
     WHERE al.activity_id = ? AND ${ACTIVE} ORDER BY al.id DESC`,
  ).all(activityId);
  const students = new Map<string, StudentAlerts>();
  for (const row of rows) {
    let student = students.get(row.playerId);
    if (!student) {
      student = { player: playerRef(row), alerts: 0, warnings: 0, latest: row.raised, items: [] };
      students.set(row.playerId, student);
    }
    if (row.severity === 'alert') student.alerts++;
    else student.warnings++;
    student.items.push(toItem(row));
  }
  return [...students.values()].sort((a, b) => b.alerts - a.alerts || b.warnings - a.warnings || b.latest.localeCompare(a.latest));
}

/** One student's alerts in an activity, active and past, newest first. */
export function readPlayerAlerts(db: Db, activityId: string, playerId: string, limit: number): AlertItem[] {
  return prepared<[string, string, number], AlertRow>(
    db,
    `SELECT ${ALERT_COLUMNS} FROM alerts al LEFT JOIN sessions s ON s.id = al.session_id
     WHERE al.player_id = ? AND al.activity_id = ? ORDER BY al.id DESC LIMIT ?`,
  )
    .all(playerId, activityId, limit)
    .map(toItem);
}

/** A player's alerts in every activity, active and past, newest first: their page shows what Aula raised about them. */
export function readAlertsOfPlayer(db: Db, playerId: string, limit: number): PlayerAlertItem[] {
  return prepared<[string, number], AlertRow & { activityId: string; activityName: string }>(
    db,
    `SELECT ${ALERT_COLUMNS}, al.activity_id AS activityId, a.name AS activityName
     FROM alerts al JOIN activities a ON a.id = al.activity_id LEFT JOIN sessions s ON s.id = al.session_id
     WHERE al.player_id = ? ORDER BY al.id DESC LIMIT ?`,
  )
    .all(playerId, limit)
    .map((row) => ({ ...toItem(row), activityId: row.activityId, activityName: row.activityName }));
}

/** An open activity's active alerts and warnings, and when the newest of them was raised. */
export interface ActivityAlertCount {
  alerts: number;
  warnings: number;
  latest: string;
}

/**
 * For the header: active alerts and warnings in open activities, and per activity (with the newest one's time: the
 * Alerts screen opens on the activity whose alerts the header counts, the most urgent and newest when several have).
 */
export function readAlertCounts(db: Db): { alerts: number; warnings: number; activities: Record<string, ActivityAlertCount> } {
  const rows = prepared<[], { activityId: string; severity: 'warning' | 'alert'; n: number; latest: string }>(
    db,
    `SELECT al.activity_id AS activityId, al.severity, count(*) AS n, max(al.raised) AS latest
     FROM alerts al JOIN activities a ON a.id = al.activity_id
     WHERE ${ACTIVE} AND a.open = 1 GROUP BY al.activity_id, al.severity`,
  ).all();
  const out = { alerts: 0, warnings: 0, activities: {} as Record<string, ActivityAlertCount> };
  for (const row of rows) {
    const entry = out.activities[row.activityId] ?? { alerts: 0, warnings: 0, latest: row.latest };
    if (row.latest > entry.latest) entry.latest = row.latest;
    if (row.severity === 'alert') {
      entry.alerts += row.n;
      out.alerts += row.n;
    } else {
      entry.warnings += row.n;
      out.warnings += row.n;
    }
    out.activities[row.activityId] = entry;
  }
  return out;
}

/** The item's own fields: the class table's rows also carry the player's columns, which the answer shows once. */
const toItem = (row: AlertRow): AlertItem => ({
  id: row.id,
  sessionId: row.sessionId,
  sessionNumber: row.sessionNumber,
  rule: row.rule,
  severity: row.severity,
  message: row.message,
  wording: parseWording(row.wording),
  raised: row.raised,
  cleared: row.cleared,
  acknowledged: row.acknowledged,
});
