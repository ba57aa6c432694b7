import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost, playerAccessHref } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ActivityPicker } from '../../components/activity-picker';
import { PlayerName } from '../../components/player-name';
import { ScreenTitle } from '../../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { useDashboardData } from '../../data';
import { playerLabel } from '../../format/player-name';
import { formatTime } from '../../format/time';
import './alerts.css';
import { alertText } from './alert-text';
import { alertsActivity } from './alerts-activity';
import { RulesEditor } from './rules-editor';
import { shownCause } from './shown-cause';
import { type AlertCounts, type AlertItem, type AlertsView, alertsChangedIn, type StudentAlerts } from './types';
import { useAlertCounts } from './use-alert-counts';

function Count({ n, severity }: { n: number; severity: 'alert' | 'warning' }) {
  if (n === 0) return <span className="badge-zero">0</span>;
  return <span className={`badge-severity severity-${severity}`}>{n}</span>;
}

function Items({ items, onAcknowledge }: { items: AlertItem[]; onAcknowledge: (id: number) => void }) {
  const { t } = useTranslation('alerts');
  return (
    <ul className="alert-items">
      {items.map((item) => (
        <li key={item.id} className={item.cleared || item.acknowledged ? 'alert-past' : ''}>
          <span className={`severity-${item.severity}`}>{t(`severity.${item.severity}`)}</span>
          <span className="alert-message">{alertText(item)}</span>
          <span className="muted small">
            {formatTime(item.raised)}
            {item.sessionNumber !== null ? t('item.session', { number: item.sessionNumber }) : ''}
            {item.cleared ? t(`item.resolved.${item.severity}`, { time: formatTime(item.cleared) }) : ''}
            {item.acknowledged ? t(`item.acknowledged.${item.severity}`, { time: formatTime(item.acknowledged) }) : ''}
          </span>
          {!item.cleared && !item.acknowledged && (
            <button type="button" className="button-small" onClick={() => onAcknowledge(item.id)}>
              {t(`item.acknowledge.${item.severity}`)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function StudentRow({ student, activityId, onChanged }: { student: StudentAlerts; activityId: string; onChanged: () => void }) {
  const { t } = useTranslation('alerts');
  const [open, setOpen] = useState(false);
  const history = useResource<AlertsView>(open ? `/alerts?activity=${encodeURIComponent(activityId)}&player=${encodeURIComponent(student.player.id)}` : null, {
    staleOn: (changes) => alertsChangedIn(changes).includes(activityId),
    throttleMs: 250,
  });
  const acknowledge = (id: number) => void apiPost(`/alerts/${id}/acknowledge`, {}).then(onChanged, onChanged);
  const acknowledgeAll = () => void apiPost('/alerts/acknowledge', { activity: activityId, player: student.player.id }).then(onChanged, onChanged);
  const cause = shownCause(student.items);
  return (
    <tr className={student.alerts > 0 ? 'row-alert' : 'row-warning'}>
      <td>
        <PlayerName player={student.player} />
      </td>
      <td className="num">
        <Count n={student.alerts} severity="alert" />
      </td>
      <td className="num">
        <Count n={student.warnings} severity="warning" />
      </td>
      <td>
        {open ? (
          <>
            <Items items={history.data?.history ?? student.items} onAcknowledge={acknowledge} />
            {/* The server sends the 100 most recent: a student flagged all term has more, all in the access file. */}
            {history.data?.more && (
              <p className="notice" role="status" data-testid="alerts-history-cut">
                <Trans
                  t={t}
                  i18nKey="historyCut"
                  values={{ shown: history.data.history?.length ?? 0 }}
                  // biome-ignore lint/a11y/useAnchorContent: Trans puts the wording's <access> text inside
                  components={{ access: <a href={playerAccessHref(student.player.id)} download /> }}
                />
              </p>
            )}
          </>
        ) : (
          <span className="latest-cause">
            {cause ? alertText(cause) : ''} <span className="muted small">{cause ? formatTime(cause.raised) : ''}</span>
          </span>
        )}
      </td>
      <td>
        <button type="button" className="button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('hide') : t('details')}
          <span className="visually-hidden">{t('detailsFor', { player: playerLabel(student.player) })}</span>
        </button>{' '}
        <button type="button" className="button-small" onClick={acknowledgeAll}>
          {t('acknowledgeAll')}
          <span className="visually-hidden">{t('acknowledgeAllFor', { player: playerLabel(student.player) })}</span>
        </button>
      </td>
    </tr>
  );
}

/**
 * Once per arrival, unless the teacher chose an activity during this visit: the activity the header's count counts
 * alerts in, when the one shown has none. Not again while the screen is open: it does not jump while the teacher reads.
 * Alerts' own: Live and Statements keep following the activity they showed (the one being played), and the teacher's
 * next choice (the picker, the header's count) ends it. Returns the activity to show.
 */
function useOpenOnAlerts(counts: AlertCounts | undefined): string | null {
  const { activities, activityId, chosenByTeacher, choices, selectActivity, settled } = useDashboardData();
  const decided = useRef(false);
  const [own, setOwn] = useState<{ id: string; atChoice: number } | null>(null);
  useEffect(() => {
    if (decided.current || !settled || !counts) return;
    decided.current = true;
    // A link that names the activity (Live's "change it in Alerts", opened in a new tab too) is the teacher's choice.
    const asked = new URLSearchParams(window.location.search).get('activity');
    if (asked && activities.data?.activities.some((activity) => activity.id === asked)) {
      if (asked !== activityId) selectActivity(asked);
      return;
    }
    if (chosenByTeacher) return;
    const target = alertsActivity(counts, activityId);
    if (target && target !== activityId) setOwn({ id: target, atChoice: choices });
  }, [counts, settled, chosenByTeacher, activityId, choices, activities.data, selectActivity]);
  return own && own.atChoice === choices ? own.id : activityId;
}

/** "2 alerts · 10 warnings" for an activity the header counts, as the header words it; nothing for the others. */
function countsOf(counts: AlertCounts | undefined, activityId: string, t: TFunction<'alerts'>): string | undefined {
  const own = counts?.activities[activityId];
  if (!own) return undefined;
  const words = [own.alerts > 0 ? t('count.alerts', { count: own.alerts }) : '', own.warnings > 0 ? t('count.warnings', { count: own.warnings }) : ''];
  return words.filter(Boolean).join(' · ');
}

/** RAGE's "Alerts & Warnings": whom to walk over to, most urgent first; live over the SSE stream. */
export function AlertsScreen() {
  const { t } = useTranslation('alerts');
  const counts = useAlertCounts();
  const activityId = useOpenOnAlerts(counts.data);
  const view = useResource<AlertsView>(activityId ? `/alerts?activity=${encodeURIComponent(activityId)}` : null, {
    staleOn: (changes) => (activityId ? alertsChangedIn(changes).includes(activityId) : false),
    throttleMs: 250,
  });
  if (!activityId) {
    return (
      <section>
        <div className="screen-head">
          <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
        </div>
        <EmptyState title={t('noActivity.title')}>
          <p>{t('noActivity.body')}</p>
        </EmptyState>
      </section>
    );
  }
  const data = view.data;
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
        <ActivityPicker id="alerts-activity" shown={activityId} note={(activity) => countsOf(counts.data, activity.id, t)} />
      </div>
      {view.error && <ErrorBox error={view.error} onRetry={view.reload} />}
      {!data && !view.error && <Loading />}
      {data && data.rulesOn === 0 && (
        <p className="warning" role="note">
          {t('noRules')}
        </p>
      )}
      {data && data.rulesOn > 0 && data.students.length === 0 && (
        <EmptyState title={t('nobody.title')}>
          <p>{t('nobody.body', { count: data.rulesOn })}</p>
        </EmptyState>
      )}
      {data && data.students.length > 0 && (
        <div className="table-wrap">
          <table className="table alerts-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.student')}</th>
                <th scope="col" className="num">
                  {t('columns.alerts')}
                </th>
                <th scope="col" className="num">
                  {t('columns.warnings')}
                </th>
                <th scope="col">{t('columns.cause')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.students.map((student) => (
                <StudentRow key={student.player.id} student={student} activityId={activityId} onChanged={view.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RulesEditor key={activityId} activityId={activityId} onSaved={view.reload} />
    </section>
  );
}
