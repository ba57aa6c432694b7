import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XapiCredentialsView } from '../api/types';
import { useResource } from '../api/use-resource';
import { CopyButton } from '../components/copy-button';
import { ErrorBox, Loading } from '../components/states';
import { XapiCredentialActions } from './xapi-credential-actions';
import './connect-xapi.css';

interface Props {
  activity: { id: string; name: string };
  /** The address the card gives games (its LAN name or first LAN address), ending in a slash. */
  primary: string;
}

/**
 * What an xAPI game (xasu, js-tracker 1.x) needs: the endpoint and the activity's HTTP Basic key and secret. Closed
 * by default so the card stays small, and fetched only while open.
 */
export function XapiPart({ activity, primary }: Props) {
  const { t } = useTranslation('activities');
  const [open, setOpen] = useState(false);
  return (
    <details className="xapi-part" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('xapi.summary')}</summary>
      {open && <XapiCredentials activity={activity} primary={primary} />}
    </details>
  );
}

function XapiCredentials({ activity, primary }: Props) {
  const { t } = useTranslation('activities');
  const credentials = useResource<{ xapi: XapiCredentialsView }>(`/activities/${encodeURIComponent(activity.id)}/xapi`, {
    // A change from another tab or the CLI must show here (a stale key is worse than none); the id also comes with
    // this activity's statements, hence the throttle.
    staleOn: (changes) => activity.id in changes.activities,
    throttleMs: 2000,
  });
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  // The trailing slash matters: TinCan.NET-based clients (xasu) append "statements" to the endpoint as text.
  const endpoint = new URL('xapi/', primary).href;

  if (credentials.error) return <ErrorBox error={credentials.error} onRetry={credentials.reload} />;
  if (!credentials.data) return <Loading />;
  const view = credentials.data.xapi;
  const changed = (text: string) => {
    setMessage(text);
    credentials.reload();
  };

  return (
    <div>
      <dl>
        <dt>{t('xapi.endpoint')}</dt>
        <dd>
          <code data-testid="xapi-endpoint">{endpoint}</code> <CopyButton text={endpoint} label={t('xapi.copyEndpoint')} />
        </dd>
        {view.status === 'active' && (
          <>
            <dt>{t('xapi.key')}</dt>
            <dd>
              <code data-testid="xapi-key">{view.key}</code> <CopyButton text={view.key} label={t('xapi.copyKey')} />
            </dd>
            <dt>{t('xapi.secret')}</dt>
            <dd>
              {/* Hidden until asked for: the screen may be on the classroom projector. */}
              {/* Dots are read out one by one: a screen reader hears "hidden" instead. */}
              <code data-testid="xapi-secret" aria-hidden={!shown}>
                {shown ? view.secret : '••••••••••••'}
              </code>
              {!shown && <span className="visually-hidden">{t('xapi.hidden')}</span>}{' '}
              <button type="button" className="button-small" onClick={() => setShown(!shown)}>
                {shown ? t('xapi.hide') : t('xapi.show')}
                <span className="visually-hidden"> {t('xapi.theSecret')}</span>
              </button>
              <CopyButton text={view.secret} label={t('xapi.copySecret')} secret />
            </dd>
          </>
        )}
      </dl>
      {view.status === 'active' ? (
        <p className="muted small">{t('xapi.basicHint')}</p>
      ) : (
        <p className="warning small" role="status">
          {t('xapi.revoked')}
        </p>
      )}
      {message && (
        <p className="notice small" role="status">
          {message}
        </p>
      )}
      <XapiCredentialActions activity={activity} revoked={view.status === 'revoked'} onChanged={changed} />
    </div>
  );
}
