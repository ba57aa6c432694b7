import { currentLanguage } from '../i18n/setup';

type Formats = { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; minute: Intl.DateTimeFormat; count: Intl.NumberFormat };

// Made once per language: toLocaleTimeString with options builds a new Intl.DateTimeFormat on every call, about a
// millisecond each in Chromium, and Players rendered two times per row for a term's 1,000 players (seconds before the
// screen answered).
const formatsByLanguage = new Map<string, Formats>();

function formats(): Formats {
  const language = currentLanguage();
  let made = formatsByLanguage.get(language);
  if (!made) {
    made = {
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      day: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }),
      minute: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
      count: new Intl.NumberFormat(language),
    };
    formatsByLanguage.set(language, made);
  }
  return made;
}

/** Local wall-clock time, e.g. "09:41:07"; the date too when it is not today. */
export function formatTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { time, day } = formats();
  if (new Date(now).toDateString() === date.toDateString()) return time.format(date);
  return `${day.format(date)} ${time.format(date)}`;
}

/** A chart's minute, e.g. "09:41". */
export function formatMinute(iso: string): string {
  return formats().minute.format(new Date(iso));
}

/** A count as the dashboard's language writes it ("1,234"; "1234" and "12.345" in Spanish). */
export function formatCount(n: number): string {
  return formats().count.format(n);
}
