import { useDashboardData } from '../data';
import { t } from '../i18n/setup';

export function ActivityPicker({ id = 'activity-picker' }: { id?: string }) {
  const { activities, activityId, selectActivity } = useDashboardData();
  const list = activities.data?.activities ?? [];
  if (list.length === 0) return null;
  return (
    <label className="picker" htmlFor={id}>
      {t('activityPicker.label')}
      <select id={id} value={activityId ?? ''} onChange={(event) => selectActivity(event.target.value || null)}>
        {list.map((activity) => (
          <option key={activity.id} value={activity.id}>
            {activity.open ? activity.name : t('activityPicker.closed', { name: activity.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
