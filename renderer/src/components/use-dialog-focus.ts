import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * What a question or small form shown in place needs for a teacher on the keyboard or a screen reader: the focus moves
 * into it (to `first`, or its first control), Tab and Shift+Tab stay inside it, Escape closes it, and when it goes
 * the focus returns to what opened it; when that is gone (a removed row, say), to the first control where it stood,
 * else to the screen's heading.
 * Returns the keydown handler to put on the container.
 */
export function useDialogFocus(
  container: RefObject<HTMLElement | null>,
  options: { first?: RefObject<HTMLElement | null>; onEscape?: () => void },
): (event: KeyboardEvent<HTMLElement>) => void {
  const latest = useRef(options);
  latest.current = options;
  // What had the focus when this was first drawn: taken before the effect, which React may run twice.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useLayoutEffect(() => {
    const box = container.current;
    const around = box?.parentElement ?? null;
    const target = latest.current.first?.current ?? box?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
    target?.focus();
    return () => {
      // Give the focus back only if it is still in here (or was lost with a disabled button), not if the teacher
      // clicked somewhere else meanwhile.
      const active = document.activeElement;
      const inside = box !== null && (active === null || active === document.body || box.contains(active));
      if (!inside) return;
      setTimeout(() => {
        // Still shown (React's development double run): nothing closed.
        if (box?.isConnected) return;
        const now = document.activeElement;
        if (now !== null && now !== document.body && !box?.contains(now)) return;
        const nearby = around?.isConnected ? around.querySelector<HTMLElement>(FOCUSABLE) : null;
        (opener?.isConnected ? opener : (nearby ?? document.querySelector<HTMLElement>('main h1')))?.focus();
      }, 0);
    };
  }, [container, opener]);

  return (event) => {
    if (event.key === 'Escape') {
      if (latest.current.onEscape) {
        event.preventDefault();
        event.stopPropagation();
        latest.current.onEscape();
      }
      return;
    }
    if (event.key !== 'Tab' || !container.current) return;
    const focusable = [...container.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
