import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Activity, Session } from '../api/types';
import { useResource } from '../api/use-resource';
import { ActivityPicker } from '../components/activity-picker';
import { PlayerName } from '../components/player-name';
import { ProgressBar } from '../components/progress-bar';
import { RateChart } from '../components/rate-chart';
import { ScreenTitle } from '../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { useDashboardData, useSelectedActivity } from '../data';
import { lastSeenLabel, type SessionState, sessionStatus } from '../format/idle';
import { reopenedToday } from '../format/lesson-cut';
import { playerLabel } from '../format/player-name';
import { sessionsOfLesson } from '../format/roll-call';
import { compareSessions, lastActionOf, type SortKey } from '../format/session-order';
import { formatCount, formatTime } from '../format/time';
import { Link } from '../router';
import { useAnswerClocks, useClocks } from '../use-now';
import { IdleAfterField, useIdleAfter } from './live-idle-after';
import { useLiveNews } from './live-news';
import { NotStarted } from './not-started';
import { RefusedBatches } from './refused-batches';
import { ResultCell } from './result-cell';

/** Each column sorts; a first click puts the newest / most first, or for Last action and Result A→Z and failed first. */
/**
 * `secondary`: left out on a tablet held upright (styles.css), where the eight columns did not fit and Progress and
 * Result, what the teacher looks for, were the ones scrolled out of sight.
 */
const COLUMNS: Array<{ key: SortKey; firstDescending: boolean; secondary?: boolean }> = [
  { key: 'player', firstDescending: true },
  { key: 'number', firstDescending: true, secondary: true },
  { key: 'started', firstDescending: true, secondary: true },
  { key: 'lastSeen', firstDescending: true },
  { key: 'statements', firstDescending: true, secondary: true },
  { key: 'lastAction', firstDescending: false },
  { key: 'progress', firstDescending: true },
  { key: 'result', firstDescending: false },
];

/** Live's Show choices: every session, this lesson's (since the activity was last opened), or by state. */
type Show = 'all' | 'lesson' | SessionState;

export function LiveScreen() {
  const { activities } = useDashboardData();
  const activity = useSelectedActivity();
  const list = activities.data?.activities;
  const { t } = useTranslation('live');
  // The heading stands first whatever the state, so the focus it takes after navigation stays when the data comes.
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
        <ActivityPicker />
        {activity && (
          <p className="muted activity-facts">
            <Trans
              t={t}
              i18nKey={activity.open ? 'facts.open' : 'facts.closed'}
              values={{ code: activity.trackingCode }}
              components={{ code: <code className="code" /> }}
            />
          </p>
        )}
      </div>
      {activities.error && <ErrorBox error={activities.error} onRetry={activities.reload} />}
      {!list && !activities.error && <Loading />}
      {list && list.length === 0 && (
        <EmptyState title={t('noActivity.title')}>
          <p>
            <Trans
              t={t}
              i18nKey="noActivity.body"
              components={{ activities: <Link to="/activities">{null}</Link>, connect: <Link to="/connect">{null}</Link> }}
            />
          </p>
        </EmptyState>
      )}
      {/* Keyed: the choices made for one activity (Show, find, sort) are not carried to the next, whose lesson differs. */}
      {activity && <LiveSessions key={activity.id} activity={activity} />}
    </section>
  );
}

function LiveSessions({ activity }: { activity: Activity }) {
  const { id: activityId, trackingCode } = activity;
  const { t } = useTranslation('live');
  // `more`: the activity has sessions older than the ones sent (the server's 500 most recent).
  const sessions = useResource<{ serverTime: string; sessions: Session[]; more?: boolean }>(`/activities/${encodeURIComponent(activityId)}/sessions`, {
    staleOn: (changes) => changes.activities[activityId] !== undefined,
  });
  // After a pause (this computer slept, the tab was in the background) the silences are asked again, not counted on.
  const clocks = useClocks(5000, sessions.reload);
  // The server's clock gives the times of day: a browser on a tablet may be minutes off. Silences come from the
  // server as of its answer and count on with this browser's monotonic clock (format/idle.ts).
  const { now, sinceAnswer } = useAnswerClocks(sessions.data, clocks);
  // The activity's Idle alert's minutes when it is on, else 3: as the header, Activities, Diagnostics and Alerts count.
  const idleAfter = useIdleAfter(activityId);
  const idleMinutes = idleAfter.minutes;
  const [filter, setFilter] = useState('');
  // "this lesson": the sessions heard from since the activity was last opened. Shown first (until the teacher chooses)
  // after a reopening today, when the morning's sessions would list under the afternoon's.
  const [chosen, setState] = useState<Show | null>(null);
  const state: Show = chosen ?? (reopenedToday(activity, now) ? 'lesson' : 'all');
  const ofLesson = useMemo(() => new Set(sessionsOfLesson(sessions.data?.sessions ?? [], activity.opened)), [sessions.data, activity.opened]);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'started', descending: true });

  const rows = useMemo(() => {
    const threshold = idleMinutes * 60_000;
    const needle = filter.trim().toLowerCase();
    return (sessions.data?.sessions ?? [])
      .map((session) => ({ session, status: sessionStatus(session, now, threshold, sinceAnswer) }))
      .filter(
        ({ session, status }) =>
          (state === 'all' || (state === 'lesson' ? ofLesson.has(session) : status.state === state)) &&
          (!needle || playerLabel(session.player).toLowerCase().includes(needle)),
      )
      .sort((a, b) => compareSessions(a.session, b.session, sort.key, sort.descending));
  }, [sessions.data, now, sinceAnswer, idleMinutes, filter, state, sort, ofLesson]);

  const states = useMemo(
    () => sessions.data?.sessions.map((session) => ({ session, state: sessionStatus(session, now, idleMinutes * 60_000, sinceAnswer).state })),
    [sessions.data, now, sinceAnswer, idleMinutes],
  );
  const counts = useMemo(() => {
    const result = { active: 0, idle: 0, finished: 0, ended: 0 };
    for (const { state } of states ?? []) result[state]++;
    return result;
  }, [states]);
  const news = useLiveNews(activityId, states);

  return (
    <>
      <RateChart activityId={activityId} />
      {/* Always in the page, so what comes into it is read out; visible in the table already. */}
      <p className="visually-hidden" role="status" data-testid="live-news">
        {news}
      </p>
      <fieldset className="toolbar">
        <legend className="visually-hidden">{t('toolbar.legend')}</legend>
        <label>
          {t('toolbar.find')}
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t('toolbar.findPlaceholder')} />
        </label>
        <label>
          {t('toolbar.show')}
          <select value={state} onChange={(event) => setState(event.target.value as Show)}>
            <option value="all">{t('toolbar.all', { count: (sessions.data?.sessions ?? []).length })}</option>
            {activity.opened && <option value="lesson">{t('toolbar.lesson', { time: formatTime(activity.opened, now), count: ofLesson.size })}</option>}
            <option value="active">{t('toolbar.active', { count: counts.active })}</option>
            <option value="idle">{t('toolbar.idle', { count: counts.idle })}</option>
            <option value="finished">{t('toolbar.finished', { count: counts.finished })}</option>
            <option value="ended">{t('toolbar.ended', { count: counts.ended })}</option>
          </select>
        </label>
        <IdleAfterField idleAfter={idleAfter} activityId={activity.id} />
      </fieldset>
      {/* The older sessions are neither listed nor counted in Show: said, with where every session is. Under "this
          lesson" only when every session sent is of it: otherwise the lesson began among them and is whole. */}
      {sessions.data?.more && (state !== 'lesson' || ofLesson.size === sessions.data.sessions.length) && (
        <p className="notice" role="status" data-testid="live-cut">
          <Trans
            t={t}
            i18nKey="cut"
            values={{ shown: sessions.data.sessions.length }}
            components={{ results: <Link to="/results">{null}</Link>, data: <Link to={`/data?activity=${encodeURIComponent(activityId)}`}>{null}</Link> }}
          />
        </p>
      )}
      {activity.classId && sessions.data && (
        <NotStarted activityId={activity.id} classId={activity.classId} className={activity.className ?? t('theClass')} sessions={sessions.data.sessions} />
      )}
      {sessions.error && <ErrorBox error={sessions.error} onRetry={sessions.reload} />}
      {!sessions.data && !sessions.error && <Loading />}
      {sessions.data && sessions.data.sessions.length === 0 && (
        <EmptyState title={t('noSession.title')}>
          <p>
            <Trans
              t={t}
              i18nKey="noSession.body"
              values={{ code: trackingCode }}
              components={{ code: <code className="code" />, connect: <Link to="/connect">{null}</Link> }}
            />
          </p>
        </EmptyState>
      )}
      {sessions.data && sessions.data.sessions.length > 0 && (
        <div className="table-wrap">
          <table className="table live-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.secondary ? 'secondary' : undefined}
                    aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort((current) => ({ key: column.key, descending: current.key === column.key ? !current.descending : column.firstDescending }))}
                    >
                      {t(`columns.${column.key}`)}
                      {/* The arrow is for the eye: aria-sort on the column says the same to a screen reader. */}
                      {sort.key === column.key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ session, status }) => (
                <tr key={session.id} data-session-id={session.id} className={`state-${status.state}`}>
                  <td>
                    <PlayerName player={session.player} />
                  </td>
                  <td className="num secondary">#{session.number}</td>
                  <td className="secondary">{formatTime(session.started, now)}</td>
                  <td className={`last-seen last-seen-${status.state}`}>
                    {status.state === 'ended' ? t('ended', { time: formatTime(session.ended, now) }) : lastSeenLabel(status)}
                  </td>
                  <td className="num statements-count secondary">{formatCount(session.statements)}</td>
                  <td className="last-action">
                    {lastActionOf(session) ?? <span className="muted">{t('nothingYet')}</span>}
                    <RefusedBatches session={session} />
                  </td>
                  <td>
                    <ProgressBar progress={session.progress} completion={session.completion} />
                  </td>
                  <td>
                    <ResultCell session={session} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted">{t('noMatch')}</p>}
        </div>
      )}
    </>
  );
}
