import { Trans, useTranslation } from 'react-i18next';
import type { PlayerAlertItem } from '../../../server/admin/api-types.js';
import { apiPost, playerAccessHref } from '../api/client';
import { useResource } from '../api/use-resource';
import { EmptyState, ErrorBox } from '../components/states';
import { formatTime } from '../format/time';
import { alertText } from './alerts/alert-text';
import './alerts/alerts.css';

/**
 * What Aula raised about this player (idle, wrong answers in a row, quit…), in every activity, with when and whether it
 * was resolved or acknowledged: a teacher who opens a struggling student's page from Live looks for it here.
 */
export function PlayerAlerts({ playerId }: { playerId: string }) {
  const { t } = useTranslation('alerts');
  // `more`: the player has alerts older than the ones sent (the server's 100 most recent).
  const list = useResource<{ alerts: PlayerAlertItem[]; more?: boolean }>(`/players/${encodeURIComponent(playerId)}/alerts`, {
    staleOn: (changes) => changes.alerts.length > 0 || changes.players.includes(playerId),
    throttleMs: 250,
  });
  const acknowledge = (id: number) => void apiPost(`/alerts/${id}/acknowledge`, {}).then(list.reload, list.reload);
  const alerts = list.data?.alerts;
  return (
    <>
      <h2>{t('player.title')}</h2>
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {alerts && alerts.length === 0 && (
        <EmptyState title={t('player.emptyTitle')}>
          <p>{t('player.emptyBody')}</p>
        </EmptyState>
      )}
      {alerts && alerts.length > 0 && (
        // On a card, as on Alerts & Warnings' table: the warning's orange is too faint (under 4.5:1) on the page's grey.
        <div className="card">
          <ul className="alert-items player-alerts">
            {alerts.map((item) => (
              <li key={item.id} className={item.cleared || item.acknowledged ? 'alert-past' : ''}>
                <span className={`severity-${item.severity}`}>{t(`severity.${item.severity}`)}</span>
                <span className="alert-message">{alertText(item)}</span>
                <span className="muted small">
                  {formatTime(item.raised)} · {item.activityName}
                  {item.sessionNumber !== null ? t('item.session', { number: item.sessionNumber }) : ''}
                  {item.cleared ? t(`item.resolved.${item.severity}`, { time: formatTime(item.cleared) }) : ''}
                  {item.acknowledged ? t(`item.acknowledged.${item.severity}`, { time: formatTime(item.acknowledged) }) : ''}
                </span>
                {!item.cleared && !item.acknowledged && (
                  <button type="button" className="button-small" onClick={() => acknowledge(item.id)}>
                    {t(`item.acknowledge.${item.severity}`)}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {list.data?.more && (
        <p className="notice" role="status" data-testid="player-alerts-cut">
          <Trans
            t={t}
            i18nKey="player.cut"
            values={{ shown: alerts?.length ?? 0 }}
            // biome-ignore lint/a11y/useAnchorContent: Trans puts the wording's <access> text inside
            components={{ access: <a href={playerAccessHref(playerId)} download /> }}
          />
        </p>
      )}
    </>
  );
}
