import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ClassStudent, FailedLogin, LoggedInAfterFailing, RollCall } from '../../../server/admin/api-types.js';
import type { Session } from '../api/types';
import { useResource } from '../api/use-resource';
import { failedLoginNote, failedLoginsFirst, loggedInAfterFailingNote, studentLabel, studentsNotStarted } from '../format/not-started';
import { elsewhereAfterFailed, elsewhereNote, outsiderNote, refusedNote, sessionsOfLesson } from '../format/roll-call';
import { formatTime } from '../format/time';
import { Link } from '../router';
import { useAnswerClocks, useClocks } from '../use-now';
import { classesChangedIn } from './classes/class-requests';

interface Props {
  activityId: string;
  classId: string;
  className: string;
  sessions: readonly Session[];
}

/**
 * Live's answer to "who of my class is missing?": the roster's students with no session in this activity yet (this
 * lesson's, once the activity was closed and opened again). Sessions show only who did start, so without this a
 * teacher counted heads against the class list by hand. On a laptop serving several classes it also says where a
 * missing student plays instead, and who plays here from another class: the other room's tracking code typed by
 * mistake, which neither teacher could see otherwise.
 */
export function NotStarted({ activityId, classId, className, sessions }: Props) {
  const { t } = useTranslation('live');
  const roster = useResource<{ students: ClassStudent[] }>(`/classes/${encodeURIComponent(classId)}/students`, {
    staleOn: (changes) => classesChangedIn(changes).includes(classId),
  });
  // A student who tried to log in and failed is the one to go to: named first, with when (Diagnostics records it). One
  // who logged in since (the teacher reset the password) is not: said so, the teacher sees the reset worked.
  const failed = useResource<{ serverTime: string; failedLogins: FailedLogin[]; loggedInAfterFailing?: LoggedInAfterFailing[] }>(
    `/classes/${encodeURIComponent(classId)}/failed-logins`,
    {
      staleOn: (changes) =>
        changes.rejected.some((refused) => refused.route === 'login') ||
        Boolean(changes.loginsAfterFailures) ||
        classesChangedIn(changes).includes(classId),
      throttleMs: 500,
    },
  );
  // Any activity's sessions may move a student here or elsewhere, and a refused start names one: refetched with them,
  // at most once a second.
  const rollCall = useResource<RollCall>(`/activities/${encodeURIComponent(activityId)}/roll-call`, {
    staleOn: (changes) =>
      Object.keys(changes.activities).length > 0 || classesChangedIn(changes).length > 0 || changes.rejected.some((refused) => refused.route === 'start'),
    throttleMs: 1000,
  });
  // The laptop's clock, as Live counts: a tablet's own may be minutes off.
  const clocks = useClocks();
  const { now } = useAnswerClocks(failed.data, clocks);
  const { now: rollCallNow } = useAnswerClocks(rollCall.data, clocks);
  // Who has started is the server's answer, asked of every session: the list Live holds is the 500 most recent, and a
  // student who played only before those is not missing. Until it answers, nobody is named.
  if (!roster.data || !rollCall.data) return null;
  const enrolled = roster.data.students.filter((student) => student.role === 'student').length;
  const failedLogins = failed.data?.failedLogins ?? [];
  const lessonSince = rollCall.data.lessonSince;
  const notStarted = new Set(rollCall.data.notStarted.map((student) => student.username.toLowerCase()));
  const elsewhere = new Map(rollCall.data.elsewhere.map((student) => [student.username.toLowerCase(), student]));
  const failedOf = new Map(failedLogins.map((login) => [login.username.toLowerCase(), login]));
  const loggedInOf = new Map((failed.data?.loggedInAfterFailing ?? []).map((login) => [login.username.toLowerCase(), login]));
  // Refused by another class's activity (its code typed by mistake): as a failed login, the one to go to first.
  const refusedOf = new Map(rollCall.data.refused.map((refused) => [refused.username.toLowerCase(), refused]));
  const missing = elsewhereAfterFailed(
    failedLoginsFirst(
      // A session Live just received counts at once, before the server's answer is asked again.
      studentsNotStarted(
        roster.data.students.filter((student) => notStarted.has(student.username.toLowerCase())),
        sessionsOfLesson(sessions, lessonSince).map((session) => session.player),
      ),
      failedLogins,
    ),
    new Set([...failedOf.keys(), ...refusedOf.keys()]),
    new Set(elsewhere.keys()),
  );
  const outsiders = rollCall.data.outsiders;
  return (
    <>
      {enrolled > 0 && missing.length > 0 && (
        <section className="not-started warning" aria-labelledby="not-started-title">
          <h2 id="not-started-title">
            {lessonSince
              ? t('notStarted.titleSince', { since: formatTime(lessonSince, rollCallNow), missing: missing.length, count: enrolled, className })
              : t('notStarted.title', { missing: missing.length, count: enrolled, className })}
          </h2>
          <p className="not-started-names">
            {missing.map((student, index) => {
              const login = failedOf.get(student.username.toLowerCase());
              const refused = refusedOf.get(student.username.toLowerCase());
              const playing = elsewhere.get(student.username.toLowerCase());
              const loggedIn = loggedInOf.get(student.username.toLowerCase());
              return (
                <Fragment key={student.id}>
                  {index > 0 && ', '}
                  {studentLabel(student)}
                  {login && <strong className="login-failed"> — {failedLoginNote(login, now)}</strong>}
                  {!login && refused && <strong className="start-refused"> — {refusedNote(refused, rollCallNow)}</strong>}
                  {!login && !refused && playing && <strong className="playing-elsewhere"> — {elsewhereNote(playing, rollCallNow)}</strong>}
                  {!login && !refused && !playing && loggedIn && <span className="logged-in-since"> — {loggedInAfterFailingNote(loggedIn, now)}</span>}
                </Fragment>
              );
            })}
          </p>
          <p className="small">
            {lessonSince && <>{t('notStarted.lessonBegan')} </>}
            <Trans t={t} i18nKey="notStarted.hint" components={{ diagnostics: <Link to="/diagnostics">{null}</Link> }} />
          </p>
        </section>
      )}
      {outsiders.length > 0 && (
        <section className="not-started warning" aria-labelledby="outsiders-title">
          <h2 id="outsiders-title">
            {t('outsiders.title', { className, count: outsiders.length })}
          </h2>
          <p className="not-started-names">
            {outsiders.map((student, index) => (
              <Fragment key={student.username}>
                {index > 0 && ', '}
                <Link to={`/players/${encodeURIComponent(student.playerId)}`}>{studentLabel(student)}</Link>{' '}
                <span className="outsider-class">({outsiderNote(student)})</span>
              </Fragment>
            ))}
          </p>
          <p className="small">
            {t('outsiders.hint')}
          </p>
        </section>
      )}
    </>
  );
}
