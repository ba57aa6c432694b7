import type { ClassStudent } from '../../../server/admin/api-types.js';
import type { Session } from '../api/types';
import { useResource } from '../api/use-resource';
import { studentLabel, studentsNotStarted } from '../format/not-started';
import { Link } from '../router';
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
  if (!roster.data) return null;
  const enrolled = roster.data.students.filter((student) => student.role === 'student').length;
  const missing = studentsNotStarted(
    roster.data.students,
    sessions.map((session) => session.player),
  );
  if (enrolled === 0 || missing.length === 0) return null;
  return (
    <section className="not-started warning" aria-labelledby="not-started-title">
      <h2 id="not-started-title">
        Not started yet: {missing.length} of {enrolled} student{enrolled === 1 ? '' : 's'} of {className}
      </h2>
      <p className="not-started-names">{missing.map(studentLabel).join(', ')}</p>
      <p className="small">
        A student playing without logging in shows above as an animal name, not here; failed logins are on{' '}
        <Link to="/diagnostics">Diagnostics</Link>.
      </p>
    </section>
  );
}
