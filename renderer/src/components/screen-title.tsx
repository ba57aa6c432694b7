import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { takeFocusRequest } from '../router';

/**
 * A screen's one h1, and the browser tab's title ("Live — Aula"), so a screen reader and the tab list say which
 * screen this is. After the teacher goes to another screen the heading takes the focus (see takeFocusRequest). It
 * stands in the same place while the screen loads, so that focus is not lost when the data arrives.
 */
export function ScreenTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (takeFocusRequest()) heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = `${title} — Aula`;
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
