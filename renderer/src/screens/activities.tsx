import { type FormEvent, Fragment, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../api/client';
import type { Activity } from '../api/types';
import { useResource } from '../api/use-resource';
import { ClassField } from '../components/class-field';
import { ConfirmAction } from '../components/confirm-action';
import { CopyButton } from '../components/copy-button';
import { ScreenTitle } from '../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { useDashboardData } from '../data';
import { formatCount, formatTime } from '../format/time';
import { Link, navigate } from '../router';
import { ActivityEditForm } from './activity-edit-form';

type ClassChoice = { id: string; name: string };

/** Roster students who played: the identified players but those an xAPI game identified (counted apart). */
const studentsOf = (activity: Activity): number => activity.identifiedPlayers - activity.xapiPlayers;

export function ActivitiesScreen() {
  const { t } = useTranslation('activities');
  const { activities } = useDashboardData();
  // Here, not in the table: deleting the last activity replaces the table, and the teacher still reads what happened.
  const [notice, setNotice] = useState<string | null>(null);
  // Once for both forms: a new activity's class and a changed one's.
  const classes = useResource<{ classes: ClassChoice[] }>('/classes').data?.classes ?? [];
  return (
    <section>
      <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
      <NewActivityForm classes={classes} onCreated={activities.reload} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {activities.error && <ErrorBox error={activities.error} onRetry={activities.reload} />}
      {!activities.data && !activities.error && <Loading />}
      {activities.data && activities.data.activities.length === 0 && (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      )}
      {activities.data && activities.data.activities.length > 0 && <ActivityTable activities={activities.data.activities} classes={classes} onChanged={activities.reload} onNotice={setNotice} />}
    </section>
  );
}

function NewActivityForm({ classes, onCreated }: { classes: ClassChoice[]; onCreated: () => void }) {
  const { t } = useTranslation('activities');
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
      <h2 id="new-activity-title">{t('create.title')}</h2>
      <div className="form-row">
        <label>
          {t('create.name')}
          <input name="name" required value={name} onChange={(event) => setName(event.target.value)} placeholder={t('create.namePlaceholder')} />
        </label>
        <label>
          {t('create.game')}
          <input name="game" value={game} onChange={(event) => setGame(event.target.value)} placeholder={t('create.gamePlaceholder')} />
        </label>
        {classes.length > 0 && <ClassField value={classId} classes={classes} onChange={setClassId} />}
        <label className="checkbox">
          <input type="checkbox" name="allowAnonymous" checked={allowAnonymous} onChange={(event) => setAllowAnonymous(event.target.checked)} />
          {t('create.allowAnonymous')}
        </label>
        <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
          {busy ? t('create.creating') : t('create.create')}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      {created && (
        <p className="notice" role="status">
          <Trans
            t={t}
            i18nKey="create.created"
            values={{ name: created.name, code: created.trackingCode }}
            components={{ code: <code className="code" />, go: <Link to="/connect">{null}</Link> }}
          />
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
  const { t } = useTranslation('activities');
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
    onNotice(t('close.done', { name: activity.name, code: activity.trackingCode }));
    onChanged();
  };
  return (
    <>
      {error && <ErrorBox error={error} />}
      <div className="table-wrap">
        <table className="table activities-table">
          <thead>
            <tr>
              <th scope="col">{t('table.activity')}</th>
              <th scope="col">{t('table.trackingCode')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col" className="num">
                {t('table.sessions')}
              </th>
              <th scope="col" className="num">
                {t('table.players')}
              </th>
              <th scope="col" className="num">
                {t('table.statements')}
              </th>
              <th scope="col">{t('table.lastData')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('table.actions')}</span>
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
                      {activity.className ? ` · ${t('row.className', { name: activity.className })}` : ''}
                      {activity.allowAnonymous ? '' : ` · ${t('row.studentsOnly')}`}
                    </div>
                  </td>
                  <td>
                    <code className="code tracking-code">{activity.trackingCode}</code> <CopyButton text={activity.trackingCode} label={t('row.copyCode')} />
                  </td>
                  <td>
                    <span className={`badge ${activity.open ? 'badge-open' : 'badge-closed'}`}>{activity.open ? t('row.open') : t('row.closed')}</span>{' '}
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
                      {activity.open ? t('row.closeButton') : t('row.openButton')}
                      <span className="visually-hidden"> {activity.name}</span>
                    </button>
                  </td>
                  <td className="num sessions-count">
                    {activity.liveSessions > 0 && <span className="live-dot" title={t('row.liveNowTitle', { count: activity.liveSessions })} />}
                    {formatCount(activity.sessions)}
                    <div className="muted small">{t('row.live', { count: activity.liveSessions })}</div>
                  </td>
                  <td className="num players-count">
                    {formatCount(activity.players)}
                    <div className="muted small">
                      {t('row.anonymous', { count: activity.anonymousPlayers })} · {t('row.students', { count: studentsOf(activity) })}
                      {activity.xapiPlayers > 0 && ` · ${t('row.xapiPlayers', { count: activity.xapiPlayers })}`}
                    </div>
                  </td>
                  <td className="num statements-count">{formatCount(activity.statements)}</td>
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
                      {t('row.watchLive')}
                      <span className="visually-hidden">: {activity.name}</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={editing === activity.id}
                      aria-label={t('row.changeNamed', { name: activity.name })}
                      onClick={() => {
                        onNotice(null);
                        setEditing(editing === activity.id ? null : activity.id);
                      }}
                    >
                      {t('row.change')}
                    </button>
                  </td>
                </tr>
                {closing === activity.id && activity.open && (
                  <tr className="edit-row" data-closing={activity.id}>
                    <td colSpan={8}>
                      <ConfirmAction
                        label={t('close.label', { name: activity.name })}
                        confirm={t('close.confirm')}
                        busy={t('close.busy')}
                        action={() => close(activity)}
                        describeError={(problem) => t('close.failed', { message: problem.message })}
                        onCancel={() => setClosing(null)}
                      >
                        <Trans
                          t={t}
                          i18nKey="close.question"
                          values={{ name: activity.name, code: activity.trackingCode }}
                          components={{ strong: <strong />, code: <code className="code" /> }}
                        />
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
