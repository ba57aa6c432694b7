import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { formatTime } from '../../format/time';
import { AddStudentForm } from './add-student-form';
import { LoginHint } from './login-hint';
import { RosterImport } from './roster-import';
import { StudentTable } from './student-table';
import type { ClassStudent, ClassSummary } from './types';

/** One class opened: its students, the two ways to add some, and how their games log in. */
export function ClassPanel({ summary, onChanged }: { summary: ClassSummary; onChanged: () => void }) {
  const students = useResource<{ class: ClassSummary; students: ClassStudent[] }>(`/classes/${encodeURIComponent(summary.id)}/students`);
  const changed = () => {
    students.reload();
    onChanged();
  };
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
      <RosterImport classId={summary.id} className={summary.name} onImported={changed} />
      <LoginHint className={summary.name} />
    </section>
  );
}
