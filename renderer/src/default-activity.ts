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

/**
 * What a visit starts on: the activity this browser remembers, unless games are playing in others and in it none
 * (it is from an earlier lesson); then the one being played. A choice made during the visit is not second-guessed.
 */
export function rememberedOrPlaying(list: readonly Activity[], remembered: string | null): string | null {
  const found = list.find((a) => a.id === remembered);
  if (found && (found.liveSessions > 0 || !list.some((a) => a.liveSessions > 0))) return found.id;
  return defaultActivity(list)?.id ?? null;
}
