import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadHref } from '../../api/client';
import { formatTime } from '../../format/time';
import { DeleteStudentAccount } from './delete-student-account';
import { RemoveStudent } from './remove-student';
import { ResetPasswordForm } from './reset-password-form';
import type { ClassStudent } from './types';

type ActionKind = 'password' | 'remove' | 'delete';
type OpenAction = { studentId: string; kind: ActionKind } | null;

interface Props {
  classId: string;
  className: string;
  students: ClassStudent[];
  onChanged: () => void;
}

export function StudentTable({ classId, className, students, onChanged }: Props) {
  const { t } = useTranslation('classes');
  const [open, setOpen] = useState<OpenAction>(null);
  // Kept here, not in the row: the removed student's row is gone once the list refreshes.
  const [removed, setRemoved] = useState<string | null>(null);
  const toggle = (studentId: string, kind: ActionKind) => {
    setRemoved(null);
    setOpen(open?.studentId === studentId && open.kind === kind ? null : { studentId, kind });
  };

  const notice = removed && (
    <p className="notice" role="status">
      {removed}
    </p>
  );
  if (students.length === 0) {
    return (
      <>
        {notice}
        <p className="empty" role="status">
          {t('table.empty')}
        </p>
      </>
    );
  }
  return (
    <>
      {notice}
      <div className="table-wrap">
        <table className="table class-students">
          <thead>
            <tr>
              <th scope="col">{t('table.username')}</th>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.role')}</th>
              <th scope="col">{t('table.added')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {students.map((student) => (
              <Fragment key={student.id}>
                <tr data-username={student.username}>
                  <td>
                    <code className="code">{student.username}</code>
                  </td>
                  <td>
                    {student.name ?? <span className="muted">—</span>}
                    {student.email && <div className="muted small">{student.email}</div>}
                  </td>
                  <td>
                    <span className="badge badge-student">{t(`roles.${student.role}`)}</span>
                  </td>
                  <td>{formatTime(student.created)}</td>
                  <td className="student-buttons">
                    {/* The access request's file, as on a player's page: a student who never played has no such page. */}
                    <a
                      className="button-small"
                      href={downloadHref(`/students/${encodeURIComponent(student.username)}/access`)}
                      download
                      aria-label={t('table.accessRequestLabel', { username: student.username })}
                      title={t('table.accessRequestTitle')}
                    >
                      {t('table.accessRequest')}
                    </a>{' '}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={open?.studentId === student.id && open.kind === 'password'}
                      aria-label={t('table.resetLabel', { username: student.username })}
                      onClick={() => toggle(student.id, 'password')}
                    >
                      {t('table.reset')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={open?.studentId === student.id && open.kind === 'remove'}
                      aria-label={t('table.removeLabel', { username: student.username })}
                      onClick={() => toggle(student.id, 'remove')}
                    >
                      {t('table.remove')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={open?.studentId === student.id && open.kind === 'delete'}
                      aria-label={t('table.deleteLabel', { username: student.username })}
                      onClick={() => toggle(student.id, 'delete')}
                    >
                      {t('table.delete')}
                    </button>
                  </td>
                </tr>
                {open?.studentId === student.id && (
                  <tr className="student-action-row" data-action-for={student.username}>
                    <td colSpan={5}>
                      {open.kind === 'password' ? (
                        <ResetPasswordForm
                          classId={classId}
                          className={className}
                          studentId={student.id}
                          username={student.username}
                          name={student.name ?? null}
                          onClose={() => setOpen(null)}
                        />
                      ) : open.kind === 'delete' ? (
                        <DeleteStudentAccount
                          username={student.username}
                          onClose={() => setOpen(null)}
                          onDeleted={(message) => {
                            setOpen(null);
                            setRemoved(message);
                            onChanged();
                          }}
                        />
                      ) : (
                        <RemoveStudent
                          classId={classId}
                          className={className}
                          studentId={student.id}
                          username={student.username}
                          onClose={() => setOpen(null)}
                          onRemoved={(message) => {
                            setOpen(null);
                            setRemoved(message);
                            onChanged();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
