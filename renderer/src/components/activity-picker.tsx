import type { Activity } from '../api/types';
import { useDashboardData } from '../data';
import { t } from '../i18n/setup';

/**
 * The activity screens follow. `note` adds a screen's word about an activity to its option (Alerts: its alerts and
 * warnings, so a teacher sees which other activities have some without opening each).
 */
export function ActivityPicker({
  id = 'activity-picker',
  note,
  shown,
}: {
  id?: string;
  note?: (activity: Activity) => string | undefined;
  /** The activity the screen shows when it chose one itself (Alerts), rather than the one the screens share. */
  shown?: string | null;
}) {
  const { activities, activityId: shared, selectActivity } = useDashboardData();
  const activityId = shown === undefined ? shared : shown;
  const list = activities.data?.activities ?? [];
  if (list.length === 0) return null;
  return (
    <label className="picker" htmlFor={id}>
      {t('activityPicker.label')}
      <select id={id} value={activityId ?? ''} onChange={(event) => selectActivity(event.target.value || null)}>
        {list.map((activity) => {
          const name = activity.open ? activity.name : t('activityPicker.closed', { name: activity.name });
          const said = note?.(activity);
          return (
            <option key={activity.id} value={activity.id}>
              {said ? t('activityPicker.withNote', { name, note: said }) : name}
            </option>
          );
        })}
      </select>
    </label>
  );
}
