import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { Link } from '../../router';
import { type AlertCounts, alertsChangedIn } from './types';

/** The header's count of active alerts and warnings (open activities); a link to the Alerts & Warnings screen. */
export function AlertCount() {
  const { t } = useTranslation('alerts');
  const counts = useResource<AlertCounts>('/alerts/count', {
    staleOn: (changes) => alertsChangedIn(changes).length > 0 || Object.keys(changes.activities).length > 0,
    throttleMs: 500,
  });
  const c = counts.data;
  if (!c || c.alerts + c.warnings === 0) return null;
  return (
    <Link to="/alerts" className="total alert-count">
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
    </Link>
  );
}
