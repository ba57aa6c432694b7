import { type FormEvent, useState } from 'react';
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
      onSaved(`Saved “${saved.name}”. Its tracking code is still ${saved.trackingCode}.`);
    } catch (problem) {
      setError(problem as Error);
      setBusy(false);
    }
  };

  return (
    <form className="form activity-edit" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>Change {activity.name}</h2>
      <div className="form-row">
        <label>
          Name
          <input name="name" required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <ClassField value={classId} classes={classes} onChange={setClassId} />
        <label className="checkbox">
          <input type="checkbox" name="allowAnonymous" checked={allowAnonymous} onChange={(event) => setAllowAnonymous(event.target.checked)} />
          Allow anonymous players
        </label>
        <button type="submit" className="button-primary" disabled={busy || !changedSomething || name.trim() === ''}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      <p className="muted small">
        The tracking code stays, and so does everything already stored. Games playing now follow the change with their
        next traces: without anonymous players, only logged-in students of the activity's class can send.
      </p>
      {!allowAnonymous && classId === '' && (
        <p className="warning" role="status">
          With no class and no anonymous players, no game can join this activity.
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {activity.sessions === 0 && activity.statements === 0 && <ActivityDelete activity={activity} onDeleted={onSaved} />}
      {(activity.sessions > 0 || activity.statements > 0) && <ActivityErase activity={activity} onErased={onSaved} />}
    </form>
  );
}
