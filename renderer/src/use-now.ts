import { useEffect, useState } from 'react';

/** The current time, re-rendering every `intervalMs` so "idle 3 min" keeps counting without new data. */
export function useNow(intervalMs = 5000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
