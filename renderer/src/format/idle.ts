import { t } from '../i18n/setup';

export type SessionState = 'active' | 'idle' | 'finished' | 'ended';

export interface SessionStatus {
  state: SessionState;
  /** Time since the game last sent anything, in ms (never negative). */
  silentMs: number;
}

/** A session as Live's answer gives it: `silentMs` as of the answer, counted as the Idle rule counts it. */
export interface SessionSilence {
  lastSeen: string;
  ended: string | null;
  completion?: boolean | null;
  silentMs?: number;
}

/**
 * How long the game has been silent: what the server said as of its answer, plus the time since the answer by the
 * browser's monotonic clock (`sinceAnswerMs`). The server leaves out the time the laptop slept or Aula was off, as the
 * Idle rule does; comparing `lastSeen` with the wall clock counted a lunch's sleep as silence, and after the laptop's
 * clock was set back showed a silent student "just now" until the clock caught up. An answer without it (an older
 * Aula) falls back to the server's wall clock, `now`.
 */
export function silenceOf(session: SessionSilence, now: number, sinceAnswerMs: number): number {
  if (session.silentMs !== undefined) return session.silentMs + Math.max(0, sinceAnswerMs);
  return Math.max(0, now - Date.parse(session.lastSeen));
}

/**
 * A session is idle once its game has been silent for `thresholdMs`; an ended session is neither. A game that was
 * completed and then fell silent is finished, not idle: the trackers rarely end a session, and flagging every
 * student who is done sent the teacher to the wrong desks.
 */
export function sessionStatus(session: SessionSilence, now: number, thresholdMs: number, sinceAnswerMs = 0): SessionStatus {
  const silentMs = silenceOf(session, now, sinceAnswerMs);
  if (session.ended) return { state: 'ended', silentMs };
  if (silentMs < thresholdMs) return { state: 'active', silentMs };
  return { state: session.completion === true ? 'finished' : 'idle', silentMs };
}

const JUST_NOW_SECONDS = 10;

/** "just now", "45 s", "3 min", "2 h 5 min", "3 d" (in the dashboard's language). */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < JUST_NOW_SECONDS) return t('live:duration.justNow');
  if (seconds < 60) return t('live:duration.seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('live:duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? t('live:duration.hoursMinutes', { hours, minutes: minutes % 60 }) : t('live:duration.hours', { hours });
  return t('live:duration.days', { days: Math.floor(hours / 24) });
}

/** "just now", "2 min ago": how long ago something happened, as Live's cells and notes say it. */
export function formatAgo(ms: number): string {
  if (Math.floor(ms / 1000) < JUST_NOW_SECONDS) return t('live:duration.justNow');
  return t('live:duration.ago', { duration: formatDuration(ms) });
}

/** The Live table's last-seen cell: "idle 3 min" for idle sessions, "finished 4 min ago", "2 min ago" otherwise. */
export function lastSeenLabel(status: SessionStatus): string {
  if (status.state === 'idle') return t('live:lastSeen.idle', { duration: formatDuration(status.silentMs) });
  if (status.state === 'finished') return t('live:lastSeen.finished', { duration: formatDuration(status.silentMs) });
  return formatAgo(status.silentMs);
}
