import type { Activity } from './api/types';

/**
 * Without a choice (or once the chosen one is gone): the activity games are playing now, the one with most live
 * sessions; else the most recent open one; else the most recent. Opened during a lesson, the dashboard showed the
 * newest activity, a try-out, with "No game has connected yet" while the class played in another.
 */
export function defaultActivity(list: readonly Activity[]): Activity | undefined {
  const newestFirst = [...list].reverse();
  const playing = newestFirst.filter((a) => a.liveSessions > 0).sort((a, b) => b.liveSessions - a.liveSessions);
  return playing[0] ?? newestFirst.find((a) => a.open) ?? newestFirst[0];
}
