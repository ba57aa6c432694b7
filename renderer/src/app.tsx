import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLiveStatus } from './api/live';
import type { Overview } from './api/types';
import { LIVE_REFRESH_MS, useResource } from './api/use-resource';
import { ScreenTitle } from './components/screen-title';
import { Link, matchPath, useLocation } from './router';
import { screens } from './routes';
import { AlertCount } from './screens/alerts/alert-count';
import { DashboardBanners } from './screens/settings/dashboard-banners';

/**
 * "2 students, 1 xAPI player, 3 anonymous": a player an xAPI game identified is no roster student who logged in, so
 * they are counted apart (and only named when there is one).
 */
export function playerKinds(players: Overview['players']): string {
  const students = players.identified - players.xapi;
  const parts = [`${students} student${students === 1 ? '' : 's'}`];
  if (players.xapi > 0) parts.push(`${players.xapi} xAPI player${players.xapi === 1 ? '' : 's'}`);
  parts.push(`${players.anonymous} anonymous`);
  return parts.join(', ');
}

function Totals() {
  // No change is sent when a session's game falls silent, so the live count is also refetched every half minute.
  const overview = useResource<Overview>('/overview', { staleOn: () => true, throttleMs: 250, refreshMs: LIVE_REFRESH_MS });
  const status = useLiveStatus();
  const o = overview.data;
  return (
    <div className="totals">
      {o && (
        <>
          <span className="total">
            <strong data-total="statements">{o.statements.toLocaleString('en-US')}</strong> statements
          </span>
          <span className="total" title="Live: sessions Live shows active: not ended, their game silent for less than the activity's Idle alert minutes, or 3 minutes while that alert is off">
            <strong data-total="live-sessions">{o.liveSessions}</strong> live / {o.sessions} sessions
          </span>
          <span className="total">
            <strong data-total="players">{o.players.anonymous + o.players.identified}</strong> players
            <span className="muted"> ({playerKinds(o.players)})</span>
          </span>
          {/* A link, as the alert count is: Diagnostics lists each refusal with what to do (a teacher never reads the log). */}
          {o.rejectedRequests > 0 && (
            <Link to="/diagnostics" className="total total-warning" title="Requests from games that Aula refused: Diagnostics lists them with what to do">
              {o.rejectedRequests} refused
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
        {status === 'live' ? 'live' : status === 'connecting' ? 'connecting…' : 'offline — retrying'}
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
          <strong>This screen failed to show.</strong> {this.state.error.message}{' '}
          <button type="button" className="button-small" onClick={() => this.setState({ error: null })}>
            Try again
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
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <p className="brand">Aula</p>
        <nav aria-label="Screens">
          {screens
            .filter((screen) => screen.label)
            .map((screen) => {
              const active = current === screen || (screen.path !== '/' && pathname.startsWith(`${screen.path}/`));
              return (
                <Link key={screen.path} to={screen.path} className={active ? 'nav-link active' : 'nav-link'} ariaCurrent={active}>
                  {screen.label}
                </Link>
              );
            })}
        </nav>
        <Totals />
        <DashboardBanners />
      </header>
      <main id="main">
        <ErrorBoundary key={pathname}>
          {match ? (
            <match.screen.component params={match.params} />
          ) : (
            <section>
              <ScreenTitle title="Not found">Not found</ScreenTitle>
              <p>
                There is no screen at {pathname}. <Link to="/">Back to Live</Link>
              </p>
            </section>
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
