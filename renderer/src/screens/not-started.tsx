import { Fragment } from 'react';
import type { ClassStudent, FailedLogin } from '../../../server/admin/api-types.js';
import type { Session } from '../api/types';
import { useResource } from '../api/use-resource';
import { failedLoginNote, failedLoginsFirst, studentLabel, studentsNotStarted } from '../format/not-started';
import { Link } from '../router';
import { useAnswerClocks, useClocks } from '../use-now';
import { classesChangedIn } from './classes/class-requests';

interface Props {
  classId: string;
  className: string;
  sessions: readonly Session[];
}

/**
 * Live's answer to "who of my class is missing?": the roster's students with no session in this activity yet.
 * Sessions show only who did start, so without this a teacher counted heads against the class list by hand.
 */
export function NotStarted({ classId, className, sessions }: Props) {
  const roster = useResource<{ students: ClassStudent[] }>(`/classes/${encodeURIComponent(classId)}/students`, {
    staleOn: (changes) => classesChangedIn(changes).includes(classId),
  });
  // A student who tried to log in and failed is the one to go to: named first, with when (Diagnostics records it).
  const failed = useResource<{ serverTime: string; failedLogins: FailedLogin[] }>(`/classes/${encodeURIComponent(classId)}/failed-logins`, {
    staleOn: (changes) => changes.rejected.some((refused) => refused.route === 'login') || classesChangedIn(changes).includes(classId),
    throttleMs: 500,
  });
  // The laptop's clock, as Live counts: a tablet's own may be minutes off.
  const { now } = useAnswerClocks(failed.data, useClocks());
  if (!roster.data) return null;
  const enrolled = roster.data.students.filter((student) => student.role === 'student').length;
  const failedLogins = failed.data?.failedLogins ?? [];
  const missing = failedLoginsFirst(
    studentsNotStarted(
      roster.data.students,
      sessions.map((session) => session.player),
    ),
    failedLogins,
  );
  const failedOf = new Map(failedLogins.map((login) => [login.username.toLowerCase(), login]));
  if (enrolled === 0 || missing.length === 0) return null;
  return (
    <section className="not-started warning" aria-labelledby="not-started-title">
      <h2 id="not-started-title">
        Not started yet: {missing.length} of {enrolled} student{enrolled === 1 ? '' : 's'} of {className}
      </h2>
      <p className="not-started-names">
        {missing.map((student, index) => {
          const login = failedOf.get(student.username.toLowerCase());
          return (
            <Fragment key={student.id}>
              {index > 0 && ', '}
              {studentLabel(student)}
              {login && <strong className="login-failed"> — {failedLoginNote(login, now)}</strong>}
            </Fragment>
          );
        })}
      </p>
      <p className="small">
        A student playing without logging in shows above as an animal name, not here; a student whose login failed in the last hour is named first, with when, and every failed login is on{' '}
        <Link to="/diagnostics">Diagnostics</Link>.
      </p>
    </section>
  );
}
