import { useState } from 'react';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ActivityPicker } from '../../components/activity-picker';
import { PlayerName } from '../../components/player-name';
import { ScreenTitle } from '../../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { useDashboardData } from '../../data';
import { playerLabel } from '../../format/player-name';
import { formatTime } from '../../format/time';
import './alerts.css';
import { RulesEditor } from './rules-editor';
import { shownCause } from './shown-cause';
import { type AlertItem, type AlertsView, alertsChangedIn, type StudentAlerts } from './types';

function Count({ n, severity }: { n: number; severity: 'alert' | 'warning' }) {
  if (n === 0) return <span className="badge-zero">0</span>;
  return <span className={`badge-severity severity-${severity}`}>{n}</span>;
}

function Items({ items, onAcknowledge }: { items: AlertItem[]; onAcknowledge: (id: number) => void }) {
  return (
    <ul className="alert-items">
      {items.map((item) => (
        <li key={item.id} className={item.cleared || item.acknowledged ? 'alert-past' : ''}>
          <span className={`severity-${item.severity}`}>{item.severity === 'alert' ? '● alert' : '● warning'}</span>
          <span className="alert-message">{item.message}</span>
          <span className="muted small">
            {formatTime(item.raised)}
            {item.sessionNumber !== null ? ` · session #${item.sessionNumber}` : ''}
            {item.cleared ? ` · resolved ${formatTime(item.cleared)}` : ''}
            {item.acknowledged ? ` · acknowledged ${formatTime(item.acknowledged)}` : ''}
          </span>
          {!item.cleared && !item.acknowledged && (
            <button type="button" className="button-small" onClick={() => onAcknowledge(item.id)}>
              Acknowledge
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function StudentRow({ student, activityId, onChanged }: { student: StudentAlerts; activityId: string; onChanged: () => void }) {
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
          <Items items={history.data?.history ?? student.items} onAcknowledge={acknowledge} />
        ) : (
          <span className="latest-cause">
            {cause?.message} <span className="muted small">{cause ? formatTime(cause.raised) : ''}</span>
          </span>
        )}
      </td>
      <td>
        <button type="button" className="button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Details'}
          <span className="visually-hidden"> for {playerLabel(student.player)}</span>
        </button>{' '}
        <button type="button" className="button-small" onClick={acknowledgeAll}>
          Acknowledge all<span className="visually-hidden"> for {playerLabel(student.player)}</span>
        </button>
      </td>
    </tr>
  );
}

/** RAGE's "Alerts & Warnings": whom to walk over to, most urgent first; live over the SSE stream. */
export function AlertsScreen() {
  const { activityId } = useDashboardData();
  const view = useResource<AlertsView>(activityId ? `/alerts?activity=${encodeURIComponent(activityId)}` : null, {
    staleOn: (changes) => (activityId ? alertsChangedIn(changes).includes(activityId) : false),
    throttleMs: 250,
  });
  if (!activityId) {
    return (
      <section>
        <div className="screen-head">
          <ScreenTitle title="Alerts & Warnings">Alerts &amp; Warnings</ScreenTitle>
        </div>
        <EmptyState title="No activity yet">
          <p>Create an activity first; its rules say when a student needs you.</p>
        </EmptyState>
      </section>
    );
  }
  const data = view.data;
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title="Alerts & Warnings">Alerts &amp; Warnings</ScreenTitle>
        <ActivityPicker id="alerts-activity" />
      </div>
      {view.error && <ErrorBox error={view.error} onRetry={view.reload} />}
      {!data && !view.error && <Loading />}
      {data && data.rulesOn === 0 && (
        <p className="warning" role="note">
          No rules are switched on for this activity: switch some on below to get alerts and warnings.
        </p>
      )}
      {data && data.rulesOn > 0 && data.students.length === 0 && (
        <EmptyState title="Nobody needs you right now">
          <p>
            {data.rulesOn} rule{data.rulesOn === 1 ? ' is' : 's are'} watching this activity; students show up here as soon as one fires.
          </p>
        </EmptyState>
      )}
      {data && data.students.length > 0 && (
        <div className="table-wrap">
          <table className="table alerts-table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col" className="num">
                  Alerts
                </th>
                <th scope="col" className="num">
                  Warnings
                </th>
                <th scope="col">Cause</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
