import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../api/client';
import type { XapiCredentialsView } from '../api/types';
import { ConfirmAction } from '../components/confirm-action';

interface Props {
  activity: { id: string; name: string };
  revoked: boolean;
  /** After the change: what to tell the teacher (the card then refetches the credentials). */
  onChanged(message: string): void;
}

type Asking = 'regenerate' | 'revoke' | null;

const path = (activityId: string, action: 'regenerate' | 'revoke') => `/activities/${encodeURIComponent(activityId)}/xapi/${action}`;

/**
 * New key and secret, or revoke: both break the games that use the current pair, so both ask first. When the pair is
 * already revoked no game can be using it, and new ones are issued at once.
 */
export function XapiCredentialActions({ activity, revoked, onChanged }: Props) {
  const { t } = useTranslation('activities');
  const [asking, setAsking] = useState<Asking>(null);
  const [problem, setProblem] = useState<string | undefined>();

  const run = async (action: 'regenerate' | 'revoke') => {
    await apiPost<{ xapi: XapiCredentialsView }>(path(activity.id, action), {});
    setAsking(null);
    onChanged(action === 'regenerate' ? t('xapi.regenerated') : t('xapi.revokedNow'));
  };

  if (revoked) {
    return (
      <div className="buttons">
        <button
          type="button"
          className="button-small"
          onClick={() => {
            setProblem(undefined);
            run('regenerate').catch((error: Error) => setProblem(error.message));
          }}
        >
          {t('xapi.issue')}
        </button>
        {problem && (
          <p className="error-box" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
  // The buttons stay while a question is open: the focus comes back to the one that asked.
  return (
    <>
      <div className="buttons">
        <button type="button" className="button-small" aria-expanded={asking === 'regenerate'} onClick={() => setAsking('regenerate')}>
          {t('xapi.regenerate')}
        </button>
        <button type="button" className="button-small" aria-expanded={asking === 'revoke'} onClick={() => setAsking('revoke')}>
          {t('xapi.revoke')}
        </button>
      </div>
      {asking === 'regenerate' && (
        <ConfirmAction
          label={t('xapi.regenerateLabel', { name: activity.name })}
          confirm={t('xapi.regenerateConfirm')}
          busy={t('xapi.regenerateBusy')}
          action={() => run('regenerate')}
          onCancel={() => setAsking(null)}
        >
          <Trans t={t} i18nKey="xapi.regenerateQuestion" values={{ name: activity.name }} components={{ strong: <strong /> }} />
        </ConfirmAction>
      )}
      {asking === 'revoke' && (
        <ConfirmAction
          label={t('xapi.revokeLabel', { name: activity.name })}
          confirm={t('xapi.revokeConfirm')}
          busy={t('xapi.revokeBusy')}
          action={() => run('revoke')}
          onCancel={() => setAsking(null)}
        >
          <Trans t={t} i18nKey="xapi.revokeQuestion" values={{ name: activity.name }} components={{ strong: <strong /> }} />
        </ConfirmAction>
      )}
    </>
  );
}
