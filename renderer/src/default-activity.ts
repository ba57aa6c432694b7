import type { Activity } from './api/types';

/**
 * Without a choice (or once the chosen one is gone): the activity games are playing now, an open one before a closed
 * one, then the one with most live sessions; else the most recent open one; else the most recent. Opened during a
 * lesson, the dashboard showed the newest activity, a try-out, with "No game has connected yet" while the class played
 * in another. A closed activity's sessions still count as live for a few minutes (the idle threshold) after its close.
 */
export function defaultActivity(list: readonly Activity[]): Activity | undefined {
  const newestFirst = [...list].reverse();
  const playing = newestFirst
    .filter((a) => a.liveSessions > 0)
    .sort((a, b) => Number(b.open) - Number(a.open) || b.liveSessions - a.liveSessions);
  return playing[0] ?? newestFirst.find((a) => a.open) ?? newestFirst[0];
}

/**
 * What a visit starts on: the activity this browser remembers, unless games are playing in others and in it none
 * (it is from an earlier lesson), or it is closed and games are playing in an open one (1A's games still counted as
 * live for minutes after the teacher closed it at noon, while 1B played); then the one being played. A choice made
 * during the visit is not second-guessed.
 */
export function rememberedOrPlaying(list: readonly Activity[], remembered: string | null): string | null {
  const found = list.find((a) => a.id === remembered);
  const openPlaying = list.some((a) => a.open && a.liveSessions > 0);
  if (found && found.liveSessions > 0 && (found.open || !openPlaying)) return found.id;
  if (found && !list.some((a) => a.liveSessions > 0)) return found.id;
  return defaultActivity(list)?.id ?? null;
}
