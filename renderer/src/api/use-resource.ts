import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from './client';
import { type LiveSignal, useLiveSignal } from './live';
import type { Changes } from './types';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** How often counts of live sessions are refetched without a change: a session stops being live with time alone. */
export const LIVE_REFRESH_MS = 30_000;

export interface ResourceOptions {
  /** Which live changes make this resource stale; without it, live changes are ignored. */
  staleOn?: (changes: Changes) => boolean;
  /** Minimum time between two live refetches (ms). */
  throttleMs?: number;
  /** Also refetch this often (ms): for figures that change with time alone, like a count of sessions seen lately. */
  refreshMs?: number;
}

/**
 * GETs an admin API path and keeps it fresh: refetches when a live change concerns it (never two requests at once;
 * changes that arrive meanwhile cause exactly one more), and on reset/reconnect.
 */
export function useResource<T>(path: string | null, options: ResourceOptions = {}): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const state = useRef({ inFlight: false, again: false, lastFetch: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const pathRef = useRef(path);
  const { staleOn, throttleMs = 0, refreshMs } = options;

  const load = useCallback(() => {
    const current = pathRef.current;
    if (current === null) return;
    const s = state.current;
    if (s.inFlight) {
      s.again = true;
      return;
    }
    s.inFlight = true;
    // A monotonic clock: after the laptop's clock was set back an hour, Date.now() made the next refetch wait an hour,
    // and every screen that refetches on the live stream (Live included) stood still that long (docs/clock.md).
    s.lastFetch = performance.now();
    apiGet<T>(current)
      .then(
        (value) => {
          if (pathRef.current !== current) return;
          setData(value);
          setError(undefined);
        },
        (problem: unknown) => {
          if (pathRef.current === current) setError(problem as Error);
        },
      )
      .finally(() => {
        s.inFlight = false;
        if (pathRef.current === current) setLoading(false);
        if (s.again) {
          s.again = false;
          load();
        }
      });
  }, []);

  useEffect(() => {
    pathRef.current = path;
    setData(undefined);
    setError(undefined);
    setLoading(path !== null);
    state.current.again = false;
    load();
  }, [path, load]);

  useEffect(() => () => clearTimeout(state.current.timer), []);

  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, load]);

  useLiveSignal((signal: LiveSignal) => {
    if (signal.kind === 'changes' && !staleOn?.(signal.changes)) return;
    const s = state.current;
    const wait = s.lastFetch + throttleMs - performance.now();
    if (wait <= 0) return load();
    if (!s.timer) {
      s.timer = setTimeout(() => {
        s.timer = undefined;
        load();
      }, wait);
    }
  });

  return { data, error, loading, reload: load };
}
