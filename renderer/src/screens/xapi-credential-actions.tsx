import { useState } from 'react';
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
  const [asking, setAsking] = useState<Asking>(null);
  const [problem, setProblem] = useState<string | undefined>();

  const run = async (action: 'regenerate' | 'revoke') => {
    await apiPost<{ xapi: XapiCredentialsView }>(path(activity.id, action), {});
    setAsking(null);
    onChanged(
      action === 'regenerate'
        ? 'New key and secret made. Give them to the xAPI games: the old ones now get 401.'
        : 'Key and secret revoked: xAPI games using them now get 401.',
    );
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
          Issue a new key and secret
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
          New key and secret…
        </button>
        <button type="button" className="button-small" aria-expanded={asking === 'revoke'} onClick={() => setAsking('revoke')}>
          Revoke…
        </button>
      </div>
      {asking === 'regenerate' && (
        <ConfirmAction
          label={`New xAPI key and secret for ${activity.name}`}
          confirm="Yes, make new ones"
          busy="Making…"
          action={() => run('regenerate')}
          onCancel={() => setAsking(null)}
        >
          Make a new key and secret for <strong>{activity.name}</strong>? xAPI games still using the old ones get 401 (refused) until
          you change them to the new ones.
        </ConfirmAction>
      )}
      {asking === 'revoke' && (
        <ConfirmAction
          label={`Revoke the xAPI key and secret of ${activity.name}`}
          confirm="Yes, revoke"
          busy="Revoking…"
          action={() => run('revoke')}
          onCancel={() => setAsking(null)}
        >
          Revoke the key and secret of <strong>{activity.name}</strong>? xAPI games using them get 401 (refused) until you issue new ones
          and change them in the games. Games that use the tracking code are not affected.
        </ConfirmAction>
      )}
    </>
  );
}
