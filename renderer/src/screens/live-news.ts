import { useEffect, useRef, useState } from 'react';
import type { Session } from '../api/types';
import type { SessionState } from '../format/idle';
import { playerLabel } from '../format/player-name';
import { t } from '../i18n/setup';

/** Changes that come within this long are said in one sentence: a class starting its games is one announcement. */
const GATHER_MS = 2000;
/** Then the sentence goes, so the same news later (another session of the same player) is said again. */
const SHOWN_MS = 15_000;
const NAMED = 5;

function names(list: string[]): string {
  const shown = list.slice(0, NAMED).join(', ');
  return list.length > NAMED ? t('live:news.andMore', { shown, n: list.length - NAMED }) : shown;
}

/** In the dashboard's language: "New session: ana." / "3 new sessions: ana, ben, carla." and "Idle now: ben." / "2 sessions idle now: …". */
export function newsSentence(started: string[], idle: string[]): string {
  const parts: string[] = [];
  if (started.length === 1) parts.push(t('live:news.started', { name: started[0] }));
  else if (started.length > 1) parts.push(t('live:news.startedMany', { n: started.length, names: names(started) }));
  if (idle.length === 1) parts.push(t('live:news.idle', { name: idle[0] }));
  else if (idle.length > 1) parts.push(t('live:news.idleMany', { n: idle.length, names: names(idle) }));
  return parts.join(' ');
}

/**
 * What a screen reader says by itself on Live, for a teacher who cannot keep an eye on the table: games that start
 * and students who go idle, gathered into one sentence every few seconds. Statements, progress and the clock are
 * not said (they change all the time and would drown everything else). Nothing is said for the sessions already
 * there when the screen opens or another activity is chosen.
 */
export function useLiveNews(activityId: string, rows: ReadonlyArray<{ session: Session; state: SessionState }> | undefined): string {
  // `ids` null: the activity was just chosen, and the rows of that moment may still be the other activity's.
  const known = useRef<{ activityId: string; ids: Set<number> | null; idle: Set<number> } | null>(null);
  const pending = useRef<{ started: string[]; idle: string[] }>({ started: [], idle: [] });
  const timers = useRef<{ gather?: ReturnType<typeof setTimeout>; clear?: ReturnType<typeof setTimeout> }>({});
  const [news, setNews] = useState('');

  useEffect(() => {
    const seen = known.current;
    if (!seen || seen.activityId !== activityId) {
      known.current = { activityId, ids: null, idle: new Set() };
      pending.current = { started: [], idle: [] };
      clearTimeout(timers.current.gather);
      timers.current.gather = undefined;
      return;
    }
    if (!rows) return;
    const idleNow = new Set(rows.filter((row) => row.state === 'idle').map((row) => row.session.id));
    known.current = { activityId, ids: new Set(rows.map((row) => row.session.id)), idle: idleNow };
    // The first rows of this activity: what is there already is no news.
    if (!seen.ids) return;
    for (const { session, state } of rows) {
      if (!seen.ids.has(session.id)) pending.current.started.push(playerLabel(session.player));
      else if (state === 'idle' && !seen.idle.has(session.id)) pending.current.idle.push(playerLabel(session.player));
    }
    if (pending.current.started.length + pending.current.idle.length === 0 || timers.current.gather) return;
    timers.current.gather = setTimeout(() => {
      timers.current.gather = undefined;
      const { started, idle } = pending.current;
      pending.current = { started: [], idle: [] };
      setNews(newsSentence(started, idle));
      clearTimeout(timers.current.clear);
      timers.current.clear = setTimeout(() => setNews(''), SHOWN_MS);
    }, GATHER_MS);
  }, [activityId, rows]);

  useEffect(() => {
    const current = timers.current;
    return () => {
      clearTimeout(current.gather);
      clearTimeout(current.clear);
      current.gather = undefined;
      current.clear = undefined;
    };
  }, []);

  return news;
}
