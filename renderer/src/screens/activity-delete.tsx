import { useState } from 'react';
import { apiDelete } from '../api/client';
import type { Activity } from '../api/types';
import { ConfirmAction } from '../components/confirm-action';

/**
 * For an activity no game has played (created by mistake, or to try Aula out): asks first, then deletes it. The
 * server checks again and refuses one that has data meanwhile (409 activity-has-data), with a message shown as is.
 */
export function ActivityDelete({ activity, onDeleted }: { activity: Activity; onDeleted: (message: string) => void }) {
  const [asking, setAsking] = useState(false);
  // The button stays while the question is open: the focus comes back to it when the teacher cancels.
  const button = (
    <button type="button" className="button-small" aria-expanded={asking} onClick={() => setAsking(true)}>
      Delete activity…
    </button>
  );
  if (!asking) return button;
  return (
    <>
      {button}
      <ConfirmAction
      label={`Delete activity ${activity.name}`}
      confirm="Yes, delete activity"
      busy="Deleting…"
      action={async () => {
        await apiDelete(`/activities/${encodeURIComponent(activity.id)}`);
        onDeleted(`Deleted activity ${activity.name}. Its tracking code ${activity.trackingCode} no longer works.`);
      }}
      onCancel={() => setAsking(false)}
    >
      Delete activity <strong>{activity.name}</strong>? No game has played it. Its tracking code <code className="code">{activity.trackingCode}</code>{' '}
      stops working.
      </ConfirmAction>
    </>
  );
}
