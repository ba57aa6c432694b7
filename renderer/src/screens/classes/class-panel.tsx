import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { formatTime } from '../../format/time';
import { AddStudentForm } from './add-student-form';
import { JoinStudentForm } from './join-student-form';
import { LoginHint } from './login-hint';
import { RosterImport } from './roster-import';
import { StudentTable } from './student-table';
import type { ClassStudent, ClassSummary, StudentAccount } from './types';

/** One class opened: its students, the ways to add some (new, existing, a roster), and how their games log in. */
export function ClassPanel({ summary, onChanged }: { summary: ClassSummary; onChanged: () => void }) {
  const students = useResource<{ class: ClassSummary; students: ClassStudent[] }>(`/classes/${encodeURIComponent(summary.id)}/students`);
  // Every account, for the suggestions of "Add an existing student"; refreshed with the class's list.
  const accounts = useResource<{ students: StudentAccount[] }>('/students');
  const changed = () => {
    students.reload();
    accounts.reload();
    onChanged();
  };
  const members = students.data && new Set(students.data.students.map((student) => student.id));
  const candidates = members && accounts.data?.students.filter((account) => !members.has(account.id));
  return (
    <section className="class-panel" aria-labelledby="class-title">
      <h3 id="class-title">Class {summary.name}</h3>
      <p className="muted small">
        {summary.students} student{summary.students === 1 ? '' : 's'} · {summary.activities} activit{summary.activities === 1 ? 'y' : 'ies'} linked ·
        created {formatTime(summary.created)}
      </p>
      {students.error && <ErrorBox error={students.error} onRetry={students.reload} />}
      {!students.data && !students.error && <Loading />}
      {students.data && <StudentTable classId={summary.id} className={summary.name} students={students.data.students} onChanged={changed} />}
      <AddStudentForm classId={summary.id} className={summary.name} onAdded={changed} />
      <JoinStudentForm classId={summary.id} className={summary.name} candidates={candidates} onJoined={changed} />
      <RosterImport classId={summary.id} className={summary.name} onImported={changed} />
      <LoginHint className={summary.name} />
    </section>
  );
}
