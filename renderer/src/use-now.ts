import { useEffect, useMemo, useRef, useState } from 'react';

/** The browser's two clocks at one moment: `wall` (Date.now) for times of day, `monotonic` (performance.now) for durations. */
export interface Clocks {
  wall: number;
  monotonic: number;
}

/** A tick this much later than due, or a wall clock that moved this much more than real time, is a pause. */
const PAUSE_MS = 15_000;

const readClocks = (): Clocks => ({ wall: Date.now(), monotonic: performance.now() });

/**
 * Both clocks, re-rendering every `intervalMs` so "idle 3 min" keeps counting without new data. `onPause` is called
 * when a tick comes far later than due, or the wall clock jumped (the computer slept, the tab was in the background, the
 * clock was set): what the server said about durations is then asked again rather than counted on.
 */
export function useClocks(intervalMs = 5000, onPause?: () => void): Clocks {
  const [clocks, setClocks] = useState(readClocks);
  const pause = useRef(onPause);
  pause.current = onPause;
  useEffect(() => {
    let last = readClocks();
    const timer = setInterval(() => {
      const next = readClocks();
      const monotonicDelta = next.monotonic - last.monotonic;
      const paused = monotonicDelta > intervalMs + PAUSE_MS || Math.abs(next.wall - last.wall - monotonicDelta) > PAUSE_MS;
      last = next;
      setClocks(next);
      if (paused) pause.current?.();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return clocks;
}

/** The current time (the wall clock), re-rendering every `intervalMs`. */
export function useNow(intervalMs = 5000): number {
  return useClocks(intervalMs).wall;
}

/**
 * The laptop's clock as a server answer gave it (`serverTime`), counted on with this browser's clocks: `now` for times
 * of day (a tablet's own clock may be minutes off the laptop's), `sinceAnswer` (monotonic ms) for durations the answer
 * gave as of its time. Taken again for each new answer.
 */
export function useAnswerClocks(answer: { serverTime: string } | undefined, clocks: Clocks): { now: number; sinceAnswer: number } {
  const at = useMemo(
    () => (answer ? { offset: Date.parse(answer.serverTime) - Date.now(), monotonic: performance.now() } : { offset: 0, monotonic: 0 }),
    [answer],
  );
  return { now: clocks.wall + at.offset, sinceAnswer: clocks.monotonic - at.monotonic };
}
