import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLiveStatus } from './api/live';
import type { Overview } from './api/types';
import { LIVE_REFRESH_MS, useResource } from './api/use-resource';
import { ScreenTitle } from './components/screen-title';
import { LanguageChoice } from './i18n/language-choice';
import { t } from './i18n/setup';
import { Link, matchPath, useLocation } from './router';
import { screens } from './routes';
import { AlertCount } from './screens/alerts/alert-count';
import { DashboardBanners } from './screens/settings/dashboard-banners';

/**
 * "2 students, 1 xAPI player, 3 anonymous": a player an xAPI game identified is no roster student who logged in, so
 * they are counted apart (and only named when there is one).
 */
export function playerKinds(players: Overview['players']): string {
  const parts = [t('totals.students', { count: players.identified - players.xapi })];
  if (players.xapi > 0) parts.push(t('totals.xapiPlayers', { count: players.xapi }));
  parts.push(t('totals.anonymous', { count: players.anonymous }));
  return parts.join(', ');
}

function Totals() {
  // No change is sent when a session's game falls silent, so the live count is also refetched every half minute.
  const overview = useResource<Overview>('/overview', { staleOn: () => true, throttleMs: 250, refreshMs: LIVE_REFRESH_MS });
  const status = useLiveStatus();
  const o = overview.data;
  const { t } = useTranslation();
  return (
    <div className="totals">
      {o && (
        <>
          {/* The figure in bold, the words around it where the language puts them. */}
          <span className="total">
            <Trans i18nKey="totals.statements" count={o.statements} components={{ strong: <strong data-total="statements" /> }} />
          </span>
          <span className="total" title={t('totals.liveTitle')}>
            <Trans
              i18nKey="totals.live"
              values={{ live: o.liveSessions, sessions: o.sessions }}
              components={{ strong: <strong data-total="live-sessions" /> }}
            />
          </span>
          <span className="total">
            <Trans i18nKey="totals.players" count={o.players.anonymous + o.players.identified} components={{ strong: <strong data-total="players" /> }} />
            <span className="muted"> ({playerKinds(o.players)})</span>
          </span>
          {/* A link, as the alert count is: Diagnostics lists each refusal with what to do (a teacher never reads the log). */}
          {o.rejectedRequests > 0 && (
            <Link to="/diagnostics" className="total total-warning" title={t('totals.refusedTitle')}>
              {t('totals.refused', { count: o.rejectedRequests })}
            </Link>
          )}
        </>
      )}
      {/* Always in the page, so a new alert is read out wherever the teacher is; its count changes seldom. */}
      <span role="status" aria-live="polite" aria-atomic="true" className="alert-count-region" data-testid="alert-count-region">
        <AlertCount />
      </span>
      {overview.error && <span className="total total-warning">{overview.error.message}</span>}
      <span className={`connection connection-${status}`} role="status">
        <span aria-hidden="true">{status === 'live' ? '● ' : '○ '}</span>
        {status === 'live' ? t('connection.live') : status === 'connecting' ? t('connection.connecting') : t('connection.offline')}
      </span>
    </div>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(_error: Error, _info: ErrorInfo) {}
  override render() {
    if (this.state.error) {
      return (
        <div className="error-box" role="alert">
          <strong>{t('screenFailed')}</strong> {this.state.error.message}{' '}
          <button type="button" className="button-small" onClick={() => this.setState({ error: null })}>
            {t('states.tryAgain')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function App() {
  const { pathname } = useLocation();
  let match: { screen: (typeof screens)[number]; params: Record<string, string> } | undefined;
  for (const screen of screens) {
    const params = matchPath(screen.path, pathname);
    if (params) {
      match = { screen, params };
      break;
    }
  }
  const current = match?.screen;
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="header">
        <p className="brand">{t('brand')}</p>
        <nav aria-label={t('nav.label')}>
          {screens.map((screen) => {
              if (!screen.label) return null;
              const active = current === screen || (screen.path !== '/' && pathname.startsWith(`${screen.path}/`));
              return (
                <Link key={screen.path} to={screen.path} className={active ? 'nav-link active' : 'nav-link'} ariaCurrent={active}>
                  {t(`nav.${screen.label}`)}
                </Link>
              );
            })}
        </nav>
        <Totals />
        <LanguageChoice />
        <DashboardBanners />
      </header>
      <main id="main">
        <ErrorBoundary key={pathname}>
          {match ? (
            <match.screen.component params={match.params} />
          ) : (
            <section>
              <ScreenTitle title={t('notFound.title')}>{t('notFound.title')}</ScreenTitle>
              <p>
                {t('notFound.body', { path: pathname })} <Link to="/">{t('notFound.back')}</Link>
              </p>
            </section>
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
