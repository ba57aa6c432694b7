import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { formatTime } from '../../format/time';
import { AddStudentForm } from './add-student-form';
import { classesChangedIn } from './class-requests';
import { DeleteClass } from './delete-class';
import { JoinStudentForm } from './join-student-form';
import { LoginHint } from './login-hint';
import { memberCounts } from './member-counts';
import { RenameClassForm } from './rename-class-form';
import { RosterImport } from './roster-import';
import { StudentTable } from './student-table';
import type { ClassStudent, ClassSummary, StudentAccount } from './types';

interface Props {
  summary: ClassSummary;
  onChanged: () => void;
  onDeleted: (message: string) => void;
}

/** One class opened: its students, the ways to add some (new, existing, a roster), and how their games log in. */
export function ClassPanel({ summary, onChanged, onDeleted }: Props) {
  const { t } = useTranslation('classes');
  // Another tab's changes arrive live; `aula student …` runs in another process and shows at the next reload.
  const students = useResource<{ class: ClassSummary; students: ClassStudent[] }>(`/classes/${encodeURIComponent(summary.id)}/students`, {
    staleOn: (changes) => classesChangedIn(changes).includes(summary.id),
  });
  // Every account, for the suggestions of "Add an existing student"; refreshed with the class's list, and when any
  // class changes (the suggestions name each account's classes).
  const accounts = useResource<{ students: StudentAccount[] }>('/students', { staleOn: (changes) => classesChangedIn(changes).length > 0 });
  // The counts as the class's own answer has them: an activity linked since the list was read counts (no class event
  // announces a new activity), so the delete confirmation can warn about it.
  const counts = students.data?.class.id === summary.id ? students.data.class : summary;
  const [action, setAction] = useState<'rename' | 'delete' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = (kind: 'rename' | 'delete') => {
    setNotice(null);
    setAction(action === kind ? null : kind);
  };
  const changed = () => {
    students.reload();
    accounts.reload();
    onChanged();
  };
  const members = students.data && new Set(students.data.students.map((student) => student.id));
  const candidates = members && accounts.data?.students.filter((account) => !members.has(account.id));
  return (
    <section className="class-panel" aria-labelledby="class-title">
      <div className="class-title-row">
        <h2 id="class-title">{t('panel.title', { name: summary.name })}</h2>
        <span className="class-buttons">
          <button
            type="button"
            className="button-small"
            aria-expanded={action === 'rename'}
            aria-label={t('panel.renameLabel', { name: summary.name })}
            onClick={() => toggle('rename')}
          >
            {t('panel.rename')}
          </button>{' '}
          <button
            type="button"
            className="button-small"
            aria-expanded={action === 'delete'}
            aria-label={t('panel.deleteLabel', { name: summary.name })}
            onClick={() => toggle('delete')}
          >
            {t('panel.delete')}
          </button>
        </span>
      </div>
      {action === 'rename' && (
        <RenameClassForm
          summary={summary}
          onClose={() => setAction(null)}
          onRenamed={(message) => {
            setAction(null);
            setNotice(message);
            onChanged();
          }}
        />
      )}
      {action === 'delete' && <DeleteClass summary={{ ...summary, members: counts.members, activities: counts.activities }} onClose={() => setAction(null)} onDeleted={onDeleted} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="muted small">
        {t('panel.summary', {
          students: memberCounts(counts),
          activities: t('panel.activities', { count: counts.activities }),
          created: formatTime(summary.created),
        })}
      </p>
      {students.error && <ErrorBox error={students.error} onRetry={students.reload} />}
      {!students.data && !students.error && <Loading />}
      {students.data && <StudentTable classId={summary.id} className={summary.name} students={students.data.students} onChanged={changed} />}
      <AddStudentForm classId={summary.id} className={summary.name} onAdded={changed} />
      <JoinStudentForm
        classId={summary.id}
        className={summary.name}
        candidates={candidates}
        noAccounts={accounts.data?.students.length === 0}
        onJoined={changed}
      />
      <RosterImport classId={summary.id} className={summary.name} onImported={changed} />
      <LoginHint className={summary.name} />
    </section>
  );
}
