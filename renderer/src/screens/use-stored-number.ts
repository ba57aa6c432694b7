import { useState } from 'react';

/** A number setting remembered in this browser (e.g. the idle threshold). */
export function useStoredNumber(key: string, fallback: number): [number, (value: number) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = Number(window.localStorage.getItem(key));
      return Number.isFinite(stored) && stored > 0 ? stored : fallback;
    } catch {
      return fallback;
    }
  });
  const update = (next: number) => {
    setValue(next);
    try {
      window.localStorage.setItem(key, String(next));
    } catch {
      // not remembered, still used
    }
  };
  return [value, update];
}
