// Made once: toLocaleTimeString with options builds a new Intl.DateTimeFormat on every call, about a millisecond each
// in Chromium, and Players rendered two times per row for a term's 1,000 players (seconds before the screen answered).
const timeFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFormat = new Intl.DateTimeFormat([], { day: 'numeric', month: 'short' });

/** Local wall-clock time, e.g. "09:41:07"; the date too when it is not today. */
export function formatTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = timeFormat.format(date);
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${dayFormat.format(date)} ${time}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
