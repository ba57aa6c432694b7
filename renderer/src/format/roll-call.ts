import type { ClassStudent, SessionRow, StudentElsewhere, StudentOutsider, StudentRefused } from '../../../server/admin/api-types.js';
import { t } from '../i18n/setup';
import { formatAgo } from './idle';

/**
 * The sessions that count for this lesson: after the activity was closed and opened again (1A's afternoon), this
 * morning's sessions are an earlier lesson's, and a student who played only then has not started this one.
 */
export function sessionsOfLesson<T extends Pick<SessionRow, 'lastSeen'>>(sessions: readonly T[], lessonSince: string | null): T[] {
  if (!lessonSince) return [...sessions];
  const since = Date.parse(lessonSince);
  return sessions.filter((session) => Date.parse(session.lastSeen) >= since);
}

/** Beside a student missing here who plays another activity: "playing 1B history (code ptdm27hv), 2 min ago". */
export function elsewhereNote(elsewhere: Pick<StudentElsewhere, 'activityName' | 'trackingCode' | 'lastSeen'>, now: number): string {
  const ago = formatAgo(Math.max(0, now - Date.parse(elsewhere.lastSeen)));
  return t('live:notStarted.playing', { activity: elsewhere.activityName, code: elsewhere.trackingCode, ago });
}

/**
 * Beside a student missing here whose start another class's activity refused (its code typed by mistake): "refused by
 * 1B history (code ptdm27hv), 2 min ago", "refused 3 times by …, last just now". As a failed login, the one to go to.
 */
export function refusedNote(refused: Pick<StudentRefused, 'activityName' | 'trackingCode' | 'last' | 'count'>, now: number): string {
  const ago = formatAgo(Math.max(0, now - Date.parse(refused.last)));
  const where = { activity: refused.activityName, code: refused.trackingCode, ago };
  return refused.count > 1 ? t('live:notStarted.refusedTimes', { ...where, n: refused.count }) : t('live:notStarted.refused', where);
}

/**
 * The students not started yet, as failedLoginsFirst ordered them (failed logins first), with those playing another
 * activity moved right after the failed logins: the next ones to go to. A stable sort keeps each group's order.
 */
export function elsewhereAfterFailed<T extends Pick<ClassStudent, 'username'>>(
  students: readonly T[],
  failed: ReadonlySet<string>,
  elsewhere: ReadonlySet<string>,
): T[] {
  const rank = (student: T) => (failed.has(student.username.toLowerCase()) ? 0 : elsewhere.has(student.username.toLowerCase()) ? 1 : 2);
  return [...students].sort((a, b) => rank(a) - rank(b));
}

/** "class 1A", "classes 1A, 2B", "in no class": a student of another class's own, as Live and Results say it. */
export function outsiderClasses(outsider: Pick<StudentOutsider, 'classes'>): string {
  if (outsider.classes.length === 0) return t('live:outsiders.noClass');
  return t('live:outsiders.class', { count: outsider.classes.length, list: outsider.classes.join(', ') });
}

/** "class 1A — their class plays 1A maths, code 4qxfpuwf": where a student of another class belongs. */
export function outsiderNote(outsider: Pick<StudentOutsider, 'classes' | 'openActivities'>): string {
  const classes = outsiderClasses(outsider);
  if (outsider.openActivities.length === 0) return t('live:outsiders.noneOpen', { classes });
  const open = outsider.openActivities.map((activity) => t('live:outsiders.openActivity', { name: activity.name, code: activity.trackingCode })).join('; ');
  return t('live:outsiders.plays', { classes, open });
}
