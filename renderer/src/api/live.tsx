import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { Changes } from './types';

/** What a screen hears: a merged batch of changes, or "everything may have changed" after a reset or reconnect. */
export type LiveSignal = { kind: 'changes'; changes: Changes } | { kind: 'all' };

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface LiveContextValue {
  status: LiveStatus;
  subscribe(listener: (signal: LiveSignal) => void): () => void;
}

const LiveContext = createContext<LiveContextValue>({ status: 'offline', subscribe: () => () => {} });

/** A heartbeat comes every 15 s; after this long without one the stream is considered lost. */
const SILENCE_MS = 40_000;

/** One EventSource for the whole page; the browser reconnects by itself and sends Last-Event-ID. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Set<(signal: LiveSignal) => void>());
  const [value] = useState<Omit<LiveContextValue, 'status'>>(() => ({
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));

  useEffect(() => {
    const source = new EventSource('/admin/api/events');
    const tell = (signal: LiveSignal) => {
      for (const listener of listeners.current) listener(signal);
    };
    let everConnected = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      setStatus('live');
      clearTimeout(silence);
      silence = setTimeout(() => setStatus('offline'), SILENCE_MS);
    };
    source.addEventListener('hello', () => {
      alive();
      // After a reconnect the server replays what was missed, but counts shown since may be stale: refetch.
      if (everConnected) tell({ kind: 'all' });
      everConnected = true;
    });
    source.addEventListener('heartbeat', alive);
    source.addEventListener('reset', () => {
      alive();
      tell({ kind: 'all' });
    });
    source.addEventListener('changes', (event) => {
      alive();
      tell({ kind: 'changes', changes: JSON.parse((event as MessageEvent<string>).data) as Changes });
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => {
      clearTimeout(silence);
      source.close();
    };
  }, []);

  return <LiveContext.Provider value={{ status, subscribe: value.subscribe }}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}

/** Calls `onSignal` for every live signal; the latest callback is used without resubscribing. */
export function useLiveSignal(onSignal: (signal: LiveSignal) => void): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(onSignal);
  latest.current = onSignal;
  useEffect(() => subscribe((signal) => latest.current(signal)), [subscribe]);
}
