import { type FormEvent, Fragment, useState } from 'react';
import { apiPost } from '../api/client';
import type { Activity } from '../api/types';
import { useResource } from '../api/use-resource';
import { ClassField } from '../components/class-field';
import { ConfirmAction } from '../components/confirm-action';
import { CopyButton } from '../components/copy-button';
import { ScreenTitle } from '../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { useDashboardData } from '../data';
import { formatTime } from '../format/time';
import { Link, navigate } from '../router';
import { ActivityEditForm } from './activity-edit-form';

type ClassChoice = { id: string; name: string };

/** Roster students who played: the identified players but those an xAPI game identified (counted apart). */
const studentsOf = (activity: Activity): number => activity.identifiedPlayers - activity.xapiPlayers;

export function ActivitiesScreen() {
  const { activities } = useDashboardData();
  // Here, not in the table: deleting the last activity replaces the table, and the teacher still reads what happened.
  const [notice, setNotice] = useState<string | null>(null);
  // Once for both forms: a new activity's class and a changed one's.
  const classes = useResource<{ classes: ClassChoice[] }>('/classes').data?.classes ?? [];
  return (
    <section>
      <ScreenTitle title="Activities">Activities</ScreenTitle>
      <NewActivityForm classes={classes} onCreated={activities.reload} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {activities.error && <ErrorBox error={activities.error} onRetry={activities.reload} />}
      {!activities.data && !activities.error && <Loading />}
      {activities.data && activities.data.activities.length === 0 && (
        <EmptyState title="No activity yet">
          <p>
            An activity is one class session with one game: give it a name above and Aula makes a tracking code the
            students' games use to send their traces here.
          </p>
        </EmptyState>
      )}
      {activities.data && activities.data.activities.length > 0 && <ActivityTable activities={activities.data.activities} classes={classes} onChanged={activities.reload} onNotice={setNotice} />}
    </section>
  );
}

function NewActivityForm({ classes, onCreated }: { classes: ClassChoice[]; onCreated: () => void }) {
  const { selectActivity } = useDashboardData();
  const [name, setName] = useState('');
  const [game, setGame] = useState('');
  const [classId, setClassId] = useState('');
  const [allowAnonymous, setAllowAnonymous] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<Activity | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { activity } = await apiPost<{ activity: Activity }>('/activities', {
        name,
        ...(game.trim() ? { game } : {}),
        ...(classId ? { classId } : {}),
        allowAnonymous,
      });
      setCreated(activity);
      selectActivity(activity.id);
      setName('');
      setGame('');
      onCreated();
    } catch (problem) {
      setError(problem as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-activity-title">
      <h2 id="new-activity-title">New activity</h2>
      <div className="form-row">
        <label>
          Name
          <input name="name" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Fractions, class 3B" />
        </label>
        <label>
          Game
          <input name="game" value={game} onChange={(event) => setGame(event.target.value)} placeholder="same as the name" />
        </label>
        {classes.length > 0 && <ClassField value={classId} classes={classes} onChange={setClassId} />}
        <label className="checkbox">
          <input type="checkbox" name="allowAnonymous" checked={allowAnonymous} onChange={(event) => setAllowAnonymous(event.target.checked)} />
          Allow anonymous players
        </label>
        <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create activity'}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      {created && (
        <p className="notice" role="status">
          “{created.name}” is open. Its tracking code is <code className="code">{created.trackingCode}</code>; the{' '}
          <Link to="/connect">Connect</Link>{' '}
          screen has the address and a QR code for the games.
        </p>
      )}
    </form>
  );
}

function ActivityTable({
  activities,
  classes,
  onChanged,
  onNotice,
}: {
  activities: Activity[];
  classes: ClassChoice[];
  onChanged: () => void;
  onNotice: (notice: string | null) => void;
}) {
  const { selectActivity } = useDashboardData();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // Closing turns new games away in the middle of a lesson: it asks first. Opening does not.
  const [closing, setClosing] = useState<string | null>(null);
  const open = async (activity: Activity) => {
    setBusy(activity.id);
    setError(null);
    try {
      await apiPost(`/activities/${encodeURIComponent(activity.id)}/open`, {});
      onChanged();
    } catch (problem) {
      setError(problem as Error);
    } finally {
      setBusy(null);
    }
  };
  const close = async (activity: Activity) => {
    await apiPost(`/activities/${encodeURIComponent(activity.id)}/close`, {});
    setClosing(null);
    onNotice(`Closed “${activity.name}”. New games with code ${activity.trackingCode} are refused; games already playing go on.`);
    onChanged();
  };
  return (
    <>
      {error && <ErrorBox error={error} />}
      <div className="table-wrap">
        <table className="table activities-table">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Tracking code</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Sessions
              </th>
              <th scope="col" className="num">
                Players
              </th>
              <th scope="col" className="num">
                Statements
              </th>
              <th scope="col">Last data</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...activities].reverse().map((activity) => (
              <Fragment key={activity.id}>
                <tr data-activity-id={activity.id}>
                  <td>
                    <strong className="activity-name">{activity.name}</strong>
                    <div className="muted small">
                      {activity.game}
                      {activity.className ? ` · class ${activity.className}` : ''}
                      {activity.allowAnonymous ? '' : ' · students only'}
                    </div>
                  </td>
                  <td>
                    <code className="code tracking-code">{activity.trackingCode}</code> <CopyButton text={activity.trackingCode} label="Copy code" />
                  </td>
                  <td>
                    <span className={`badge ${activity.open ? 'badge-open' : 'badge-closed'}`}>{activity.open ? 'open' : 'closed'}</span>{' '}
                    {/* One button for both, so the focus stays on it when the activity closes or opens. */}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={activity.open ? closing === activity.id : undefined}
                      disabled={busy === activity.id}
                      onClick={() => {
                        onNotice(null);
                        if (!activity.open) void open(activity);
                        else setClosing(closing === activity.id ? null : activity.id);
                      }}
                    >
                      {activity.open ? 'Close…' : 'Open'}
                      <span className="visually-hidden"> {activity.name}</span>
                    </button>
                  </td>
                  <td className="num sessions-count">
                    {activity.liveSessions > 0 && <span className="live-dot" title={`${activity.liveSessions} live now`} />}
                    {activity.sessions.toLocaleString('en-US')}
                    <div className="muted small">{activity.liveSessions} live</div>
                  </td>
                  <td className="num players-count">
                    {activity.players.toLocaleString('en-US')}
                    <div className="muted small">
                      {activity.anonymousPlayers} anonymous · {studentsOf(activity)} student{studentsOf(activity) === 1 ? '' : 's'}
                      {activity.xapiPlayers > 0 && ` · ${activity.xapiPlayers} xAPI player${activity.xapiPlayers === 1 ? '' : 's'}`}
                    </div>
                  </td>
                  <td className="num statements-count">{activity.statements.toLocaleString('en-US')}</td>
                  <td>{formatTime(activity.lastSeen)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => {
                        selectActivity(activity.id);
                        navigate('/');
                      }}
                    >
                      Watch live<span className="visually-hidden">: {activity.name}</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={editing === activity.id}
                      aria-label={`Change ${activity.name}`}
                      onClick={() => {
                        onNotice(null);
                        setEditing(editing === activity.id ? null : activity.id);
                      }}
                    >
                      Change
                    </button>
                  </td>
                </tr>
                {closing === activity.id && activity.open && (
                  <tr className="edit-row" data-closing={activity.id}>
                    <td colSpan={8}>
                      <ConfirmAction
                        label={`Close activity ${activity.name}`}
                        confirm="Yes, close activity"
                        busy="Closing…"
                        action={() => close(activity)}
                        describeError={(problem) => `Not closed: ${problem.message}`}
                        onCancel={() => setClosing(null)}
                      >
                        Close <strong>{activity.name}</strong>? New sessions are refused: a game that starts now with code{' '}
                        <code className="code">{activity.trackingCode}</code> is turned away. Games already playing go on, and everything
                        they send is kept. You can open it again at any time; Aula makes a backup now.
                      </ConfirmAction>
                    </td>
                  </tr>
                )}
                {editing === activity.id && (
                  <tr className="edit-row">
                    <td colSpan={8}>
                      <ActivityEditForm
                        activity={activity}
                        classes={classes}
                        onCancel={() => setEditing(null)}
                        onSaved={(message) => {
                          setEditing(null);
                          onNotice(message);
                          onChanged();
                        }}
                      />
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
