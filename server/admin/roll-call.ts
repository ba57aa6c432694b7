import { Messages } from '../collector/messages.js';
import { clearedKey } from '../diagnostics/read-diagnostics.js';
import type { Activity } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getSetting } from '../store/settings-repo.js';
import { isoAt } from '../util/time.js';
import type { RollCall, StudentElsewhere, StudentOutsider, StudentRefused } from './api-types.js';
import { readStudentsNotStarted } from './roll-call-not-started.js';
import { classNames, classNamesSql } from './student-classes.js';

/** A session heard from longer ago than this is an earlier lesson, not where a student missing from this one is. */
const ELSEWHERE_MS = 60 * 60_000;

/**
 * The lesson Live's Not started yet counts: since the activity was opened again after a close (the teacher's close
 * ends a lesson, the next open starts one), else its whole life. Times are the laptop's, as sessions' last_seen.
 */
export function lessonSince(activity: Pick<Activity, 'opened' | 'closed'>): string | null {
  return activity.closed !== null && activity.opened !== null ? activity.opened : null;
}

/**
 * Two classes on one laptop, each with its own tracking code: a student who types the other one plays in the
 * other class's activity, and each teacher saw only half of it (missing here, a stranger there). Read per request
 * from the roster (small) and sessions by player (indexed); nothing on the ingest path.
 */
export function readRollCall(db: Db, activity: Activity, now: number): RollCall {
  const since = lessonSince(activity);
  return {
    serverTime: new Date(now).toISOString(),
    lessonSince: since,
    notStarted: activity.classId ? readStudentsNotStarted(db, activity.classId, activity.id, since) : [],
    elsewhere: activity.classId ? studentsElsewhere(db, activity.classId, activity.id, isoAt(now - ELSEWHERE_MS)) : [],
    outsiders: activity.classId ? readOutsiders(db, activity.classId, activity.id, since) : [],
    refused: activity.classId ? studentsRefused(db, activity.classId, latest(since, isoAt(now - ELSEWHERE_MS))) : [],
  };
}

const latest = (a: string | null, b: string): string => (a !== null && a > b ? a : b);

/**
 * The class's students whose logged-in start another class's activity refused (its code typed by mistake, that
 * activity accepting only its own class): the start route stores them with the refusal (rejected_requests.student), as
 * Diagnostics lists them. Marked handled there, gone here, as failed logins are. Only refusals of when they were in
 * this class (student_classes, the classes then; current membership for those stored before) and while they are still
 * not in the refusing activity's: moved since into History 4A's class, "refused by History 4A" was no longer true.
 */
function studentsRefused(db: Db, classId: string, since: string): StudentRefused[] {
  const clearedUpTo = Number(getSetting(db, clearedKey('not-allowed')) || 0);
  return prepared<[string, string, number, string, string], StudentRefused>(
    db,
    `SELECT st.username, a.id AS activityId, a.name AS activityName, a.tracking_code AS trackingCode, max(r.time) AS last,
       sum(r.repeats + 1) AS count
     FROM rejected_requests r JOIN students st ON st.username = r.student
       JOIN class_members cm ON cm.student_id = st.id AND cm.class_id = ? AND cm.role = 'student'
       JOIN activities a ON a.tracking_code = r.sample
     WHERE r.route = 'start' AND r.student IS NOT NULL AND r.time >= ? AND r.id > ? AND r.message = ?
       AND (r.student_classes IS NULL OR EXISTS (SELECT 1 FROM json_each(r.student_classes) WHERE json_extract(value, '$.id') = ?))
       AND NOT EXISTS (SELECT 1 FROM class_members member WHERE member.student_id = st.id AND member.class_id = a.class_id)
     GROUP BY st.id ORDER BY last DESC`,
  ).all(classId, since, clearedUpTo, Messages.notAuthorizedJoin, classId);
}

function studentsElsewhere(db: Db, classId: string, activityId: string, heardSince: string): StudentElsewhere[] {
  return prepared<[string, string, string], StudentElsewhere>(
    db,
    `SELECT st.username, a.id AS activityId, a.name AS activityName, a.tracking_code AS trackingCode, max(s.last_seen) AS lastSeen
     FROM class_members cm JOIN students st ON st.id = cm.student_id JOIN players p ON p.student_id = st.id
       JOIN sessions s ON s.player_id = p.id JOIN activities a ON a.id = s.activity_id
     WHERE cm.class_id = ? AND cm.role = 'student' AND s.activity_id <> ? AND s.last_seen >= ?
     GROUP BY st.id ORDER BY st.username`,
  ).all(classId, activityId, heardSince);
}

/**
 * The roster students with a session in the activity (heard from since `since`, else ever) who are not in `classId`,
 * with their own classes: Live's "Playing here, not in 1B", and Results' students of another class.
 */
export function readOutsiders(db: Db, classId: string, activityId: string, since: string | null): StudentOutsider[] {
  const rows = prepared<[string, string, string], Omit<StudentOutsider, 'classes' | 'openActivities'> & { classes: string; openActivities: string }>(
    db,
    `SELECT DISTINCT p.id AS playerId, st.username, st.name, ${classNamesSql('st.id')} AS classes,
       (SELECT json_group_array(json_object('name', name, 'trackingCode', trackingCode)) FROM
         (SELECT a.name, a.tracking_code AS trackingCode FROM activities a
          WHERE a.open = 1 AND a.class_id IN (SELECT class_id FROM class_members WHERE student_id = st.id) ORDER BY a.name)) AS openActivities
     FROM sessions s JOIN players p ON p.id = s.player_id JOIN students st ON st.id = p.student_id
     WHERE s.activity_id = ? AND s.last_seen >= ?
       AND NOT EXISTS (SELECT 1 FROM class_members cm WHERE cm.class_id = ? AND cm.student_id = st.id)
     ORDER BY st.username`,
  ).all(activityId, since ?? '', classId);
  return rows.map((row) => ({
    ...row,
    classes: classNames(row.classes),
    openActivities: JSON.parse(row.openActivities) as StudentOutsider['openActivities'],
  }));
}
