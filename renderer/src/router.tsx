import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

// A dozen lines of history routing: the dashboard has a handful of screens and no nested layouts.
const listeners = new Set<() => void>();

/**
 * Set when the teacher goes to another screen (a link, Back or Forward), taken by that screen's title (ScreenTitle),
 * which then takes the focus: a screen reader says where the teacher is, and Tab goes on from the top of the screen
 * instead of from the link in the navigation bar. A first load and a change of filters in the address take no focus.
 */
let focusRequested = false;

export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

let shownPath = window.location.pathname;
window.addEventListener('popstate', () => {
  if (window.location.pathname !== shownPath) focusRequested = true;
  shownPath = window.location.pathname;
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  if (window.location.pathname !== shownPath) focusRequested = true;
  shownPath = window.location.pathname;
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

/** `/players/:id` against `/players/abc` → `{ id: 'abc' }`; no match → null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] as string;
    const value = got[i] as string;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

export function Link({
  to,
  children,
  className,
  ariaCurrent,
  title,
  onFollow,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  ariaCurrent?: boolean;
  title?: string;
  /** Runs just before the dashboard goes there (not for a new tab or window). */
  onFollow?: () => void;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onFollow?.();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={onClick} aria-current={ariaCurrent ? 'page' : undefined} title={title}>
      {children}
    </a>
  );
}
