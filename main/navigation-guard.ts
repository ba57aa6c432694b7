/**
 * The window shows only the dashboard. Anything else the page tries to open goes to the system browser when it is
 * a web or mail link, and nowhere otherwise (file:, javascript:, data:, custom schemes).
 */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function decideNavigation(target: string, dashboardOrigin: string): NavigationDecision {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'deny';
  }
  if (url.origin === dashboardOrigin && (url.protocol === 'http:' || url.protocol === 'https:')) return 'allow';
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? 'open-externally' : 'deny';
}

/** The slice of Electron's WebContents the guard needs. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
}

export function attachNavigationGuard(
  contents: GuardedContents,
  dashboardOrigin: () => string,
  openExternal: (url: string) => void,
): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url, dashboardOrigin());
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, dashboardOrigin());
    if (decision === 'open-externally') openExternal(url);
    // Dashboard pages open in the same window's origin only; new windows would escape the tray's control.
    return { action: 'deny' };
  });
}

/** Permissions the dashboard may use; everything else (camera, geolocation, notifications…) is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function allowPermission(permission: string, requestingUrl: string, dashboardOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && decideNavigation(requestingUrl, dashboardOrigin) === 'allow';
}
