import { useDashboardData } from '../data';

export function ActivityPicker({ id = 'activity-picker' }: { id?: string }) {
  const { activities, activityId, selectActivity } = useDashboardData();
  const list = activities.data?.activities ?? [];
  if (list.length === 0) return null;
  return (
    <label className="picker" htmlFor={id}>
      Activity
      <select id={id} value={activityId ?? ''} onChange={(event) => selectActivity(event.target.value || null)}>
        {list.map((activity) => (
          <option key={activity.id} value={activity.id}>
            {activity.name}
            {activity.open ? '' : ' (closed)'}
          </option>
        ))}
      </select>
    </label>
  );
}
