import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardData } from '../../data';
import { navigate } from '../../router';
import { alertsActivity } from './alerts-activity';
import { useAlertCounts } from './use-alert-counts';

/**
 * The header's count of active alerts and warnings (open activities); a link to the Alerts & Warnings screen, on an
 * activity it counts: the one shown if it has some, else the one with alerts. It opened on the activity being played,
 * often not the one whose games went silent and raised the Idle alerts it counted.
 */
export function AlertCount() {
  const { t } = useTranslation('alerts');
  const { activityId, selectActivity } = useDashboardData();
  const counts = useAlertCounts();
  const c = counts.data;
  if (!c || c.alerts + c.warnings === 0) return null;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window: a fresh visit, where Alerts makes the same choice itself.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const target = alertsActivity(c, activityId);
    if (target) selectActivity(target);
    navigate('/alerts');
  };
  return (
    <a href="/alerts" className="total alert-count" onClick={onClick}>
      {c.alerts > 0 && (
        <span className="count-alert" data-total="alerts">
          {t('count.alerts', { count: c.alerts })}
        </span>
      )}
      {c.alerts > 0 && c.warnings > 0 && ' · '}
      {c.warnings > 0 && (
        <span className="count-warning" data-total="warnings">
          {t('count.warnings', { count: c.warnings })}
        </span>
      )}
    </a>
  );
}
