import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiDelete } from '../api/client';
import type { Activity } from '../api/types';
import { ConfirmAction } from '../components/confirm-action';

/**
 * For an activity no game has played (created by mistake, or to try Aula out): asks first, then deletes it. The
 * server checks again and refuses one that has data meanwhile (409 activity-has-data), with a message shown as is.
 */
export function ActivityDelete({ activity, onDeleted }: { activity: Activity; onDeleted: (message: string) => void }) {
  const { t } = useTranslation('activities');
  const [asking, setAsking] = useState(false);
  // The button stays while the question is open: the focus comes back to it when the teacher cancels.
  const button = (
    <button type="button" className="button-small" aria-expanded={asking} onClick={() => setAsking(true)}>
      {t('delete.button')}
    </button>
  );
  if (!asking) return button;
  return (
    <>
      {button}
      <ConfirmAction
        label={t('delete.label', { name: activity.name })}
        confirm={t('delete.confirm')}
        busy={t('delete.busy')}
        action={async () => {
          await apiDelete(`/activities/${encodeURIComponent(activity.id)}`);
          onDeleted(t('delete.done', { name: activity.name, code: activity.trackingCode }));
        }}
        onCancel={() => setAsking(false)}
      >
        <Trans
          t={t}
          i18nKey="delete.question"
          values={{ name: activity.name, code: activity.trackingCode }}
          components={{ strong: <strong />, code: <code className="code" /> }}
        />
      </ConfirmAction>
    </>
  );
}
