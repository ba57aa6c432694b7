import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { EmptyState, ErrorBox } from '../../components/states';
import { Link } from '../../router';
import type { DiagnosticsSession } from './types';


/** Back to the whole screen (every recent refusal, silent games, the network), from one session's refusals. */
export function BackToAll() {
  const { t } = useTranslation('diagnostics');
  return (
    <p>
      <Link to="/diagnostics" className="button-small">
        ← {t('session.back')}
      </Link>
    </p>
  );
}

/**
 * Whose game the listed refusals are, as Live names it, with the count Live showed on its link: the teacher who
 * followed "3 batches refused" sees the 3, and that older and handled ones are here too.
 */
export function SessionHeading({ session }: { session: DiagnosticsSession }) {
  const { t } = useTranslation('diagnostics');
  const who = t('who.session', { name: session.player, number: session.number });
  return (
    <section className="card" aria-labelledby="diagnostics-session-title" data-testid="diagnostics-session">
      <h2 id="diagnostics-session-title">
        {session.activity ? t('session.title', { who, activity: session.activity }) : t('session.titleNoActivity', { who })}
      </h2>
      <p>{t('session.refused', { count: session.refused })}</p>
      <p className="muted small">{t('session.everyOne')}</p>
      {/* Cut at the newest refusals kept: said, with how many batches are left out, so the lines add up to Live's count. */}
      {session.unlisted > 0 && (
        <p className="muted small" data-testid="diagnostics-session-unlisted">
          {t('session.unlisted', { count: session.unlisted, listed: session.listedAtMost })}
        </p>
      )}
      <BackToAll />
    </section>
  );
}

/** A link naming no session (400) or a session gone (404): said in the teacher's language, with the way back. */
export function SessionProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation('diagnostics');
  const reason = error instanceof ApiError ? error.reason : null;
  if (reason !== 'session-not-found' && reason !== 'invalid-session') {
    return (
      <>
        <ErrorBox error={error} onRetry={onRetry} />
        <BackToAll />
      </>
    );
  }
  const notFound = reason === 'session-not-found';
  return (
    <EmptyState title={t(notFound ? 'session.notFound' : 'session.invalid')}>
      <p>{t(notFound ? 'session.notFoundBody' : 'session.invalidBody')}</p>
      <BackToAll />
    </EmptyState>
  );
}
