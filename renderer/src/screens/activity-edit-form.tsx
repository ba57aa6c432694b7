import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPatch } from '../api/client';
import type { Activity } from '../api/types';
import { ClassField } from '../components/class-field';
import { ErrorBox } from '../components/states';
import { ActivityDelete } from './activity-delete';
import { ActivityErase } from './activity-erase';

interface Props {
  activity: Activity;
  classes: ReadonlyArray<{ id: string; name: string }>;
  /** After a save or a delete, with what to tell the teacher. */
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/**
 * Name, class and anonymous players of an activity, changed in place: the tracking code and everything stored stay.
 * Only what the teacher changed is sent, so a change made meanwhile elsewhere (the CLI) to another field is kept.
 */
export function ActivityEditForm({ activity, classes, onSaved, onCancel }: Props) {
  const { t } = useTranslation('activities');
  const [name, setName] = useState(activity.name);
  const [classId, setClassId] = useState(activity.classId ?? '');
  const [allowAnonymous, setAllowAnonymous] = useState(activity.allowAnonymous);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const titleId = `edit-activity-${activity.id}`;

  const changes = {
    ...(name.trim() !== activity.name ? { name } : {}),
    ...(classId !== (activity.classId ?? '') ? { classId: classId || null } : {}),
    ...(allowAnonymous !== activity.allowAnonymous ? { allowAnonymous } : {}),
  };
  const changedSomething = Object.keys(changes).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { activity: saved } = await apiPatch<{ activity: Activity }>(`/activities/${encodeURIComponent(activity.id)}`, changes);
      onSaved(t('edit.saved', { name: saved.name, code: saved.trackingCode }));
    } catch (problem) {
      setError(problem as Error);
      setBusy(false);
    }
  };

  return (
    <form className="form activity-edit" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('row.changeNamed', { name: activity.name })}</h2>
      <div className="form-row">
        <label>
          {t('edit.name')}
          <input name="name" required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <ClassField value={classId} classes={classes} onChange={setClassId} />
        <label className="checkbox">
          <input type="checkbox" name="allowAnonymous" checked={allowAnonymous} onChange={(event) => setAllowAnonymous(event.target.checked)} />
          {t('edit.allowAnonymous')}
        </label>
        <button type="submit" className="button-primary" disabled={busy || !changedSomething || name.trim() === ''}>
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button-small" onClick={onCancel} disabled={busy}>
          {t('edit.cancel')}
        </button>
      </div>
      <p className="muted small">{t('edit.hint')}</p>
      {!allowAnonymous && classId === '' && (
        <p className="warning" role="status">
          {t('edit.noOneCanJoin')}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {activity.sessions === 0 && activity.statements === 0 && <ActivityDelete activity={activity} onDeleted={onSaved} />}
      {(activity.sessions > 0 || activity.statements > 0) && <ActivityErase activity={activity} onErased={onSaved} />}
    </form>
  );
}
