import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';
import { CopyButton } from '../../components/copy-button';

/**
 * The teacher key: hidden until revealed (a projector may be showing this screen), copyable, and regenerable after
 * a confirmation, since every other device then has to enter the new key.
 */
/** `teacherUrl`: this collector's /teacher on its network address (its LAN name when it answers for one), if it has one. */
export function TeacherKeyCard({
  teacherKey,
  access,
  teacherUrl,
  onChanged,
}: {
  teacherKey: string;
  access: string | null;
  teacherUrl: string | null;
  onChanged(): void;
}) {
  const { t } = useTranslation('settings');
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [regenerated, setRegenerated] = useState(false);

  // Not wording: the header's name and scheme are HTTP's; only the stand-in for the key is.
  const header = `Authorization: Bearer <${t('teacherKey.keyWord')}>`;

  const regenerate = async () => {
    await apiPost<{ teacherKey: string }>('/settings/teacher-key', {});
    setConfirming(false);
    setRegenerated(true);
    setShown(true);
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="teacher-key-title" data-testid="teacher-key">
      <h2 id="teacher-key-title">{t('teacherKey.title')}</h2>
      <p className="small muted">
        {teacherUrl ? (
          <Trans t={t} i18nKey="teacherKey.intro" values={{ url: teacherUrl, header }} components={{ url: <code data-testid="teacher-url" />, code: <code /> }} />
        ) : (
          <Trans t={t} i18nKey="teacherKey.introNoUrl" values={{ header }} components={{ code: <code /> }} />
        )}
      </p>
      <p>
        {/* Dots are read out one by one: a screen reader hears "hidden" instead. */}
        <code className="url" data-testid="teacher-key-value" aria-hidden={!shown}>
          {shown ? teacherKey : '•••• •••• •••• •••• •••• ••••'}
        </code>
        {!shown && <span className="visually-hidden">{t('teacherKey.hidden')}</span>}{' '}
        <button type="button" className="button-small" onClick={() => setShown(!shown)}>
          {shown ? t('teacherKey.hide') : t('teacherKey.reveal')}
          <span className="visually-hidden">{t('teacherKey.theKey')}</span>
        </button>{' '}
        <CopyButton text={teacherKey} label={t('teacherKey.copy')} secret />
      </p>
      {regenerated && (
        <p className="notice small" role="status">
          {t('teacherKey.regenerated')}
        </p>
      )}
      {/* The button stays while the question is open: the focus comes back to it. */}
      <button type="button" className="button-small" aria-expanded={confirming} onClick={() => setConfirming(true)}>
        {t('teacherKey.regenerate')}
      </button>
      {confirming && (
        <ConfirmAction
          label={t('teacherKey.confirmLabel')}
          confirm={t('teacherKey.confirm')}
          busy={t('teacherKey.busy')}
          action={regenerate}
          onCancel={() => setConfirming(false)}
        >
          {t('teacherKey.question')}
        </ConfirmAction>
      )}
      {access === 'cookie' && (
        <form method="post" action="/teacher/forget" className="small">
          <p className="muted">
            {t('teacherKey.signedIn')}{' '}
            <button type="submit" className="button-small">
              {t('teacherKey.signOut')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
