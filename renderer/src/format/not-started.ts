import type { ClassStudent, FailedLogin, LoggedInAfterFailing, PlayerRef } from '../../../server/admin/api-types.js';
import { t } from '../i18n/setup';
import { formatAgo } from './idle';

/**
 * The class's students (not its assistants or teachers) with no session of their own in the activity, by name: whom
 * the teacher walks over to at the start of a lesson. A student who plays without logging in shows as an animal
 * name, so they stay on this list until their game logs in.
 */
export function studentsNotStarted(students: readonly ClassStudent[], players: readonly PlayerRef[]): ClassStudent[] {
  const playing = new Set(players.filter((player) => player.kind === 'identified' && player.username).map((player) => player.username?.toLowerCase()));
  return students
    .filter((student) => student.role === 'student' && !playing.has(student.username.toLowerCase()))
    .sort((a, b) => (a.name ?? a.username).localeCompare(b.name ?? b.username));
}

/** "Ana García (ana.garcia)", or the username alone when the roster has no name: as Live names players. */
export const studentLabel = (student: Pick<ClassStudent, 'name' | 'username'>): string => (student.name && student.name !== student.username ? `${student.name} (${student.username})` : student.username);

/**
 * Beside a student not started yet whose login failed lately (Diagnostics' failed student logins): "login failed 2 min
 * ago", "login failed 3 times, last just now". The one the teacher should go to first.
 */
export function failedLoginNote(failed: Pick<FailedLogin, 'last' | 'count'>, now: number): string {
  const ago = formatAgo(Math.max(0, now - Date.parse(failed.last)));
  return failed.count > 1 ? t('live:notStarted.loginFailedTimes', { n: failed.count, ago }) : t('live:notStarted.loginFailed', { ago });
}

/**
 * Beside a student not started yet who logged in after failed logins (the teacher reset the password): "logged in 1 min
 * ago, after 5 failed logins". The reset worked; their game has not started a session here yet.
 */
export function loggedInAfterFailingNote(login: Pick<LoggedInAfterFailing, 'at' | 'failed'>, now: number): string {
  const ago = formatAgo(Math.max(0, now - Date.parse(login.at)));
  return t('live:notStarted.loggedInAfterFailing', { count: login.failed, ago });
}

/** The students not started yet, those whose login failed first (the latest first), then the others as they were. */
export function failedLoginsFirst(students: readonly ClassStudent[], failed: readonly FailedLogin[]): ClassStudent[] {
  const rank = new Map(failed.map((login, index) => [login.username.toLowerCase(), index]));
  const order = (student: ClassStudent) => rank.get(student.username.toLowerCase()) ?? failed.length;
  return [...students].sort((a, b) => order(a) - order(b));
}
