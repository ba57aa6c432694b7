import type { ActivityRecord } from '../../../server/admin/api-types.js';

/** A time as a `datetime-local` input holds it, on this browser's clock, to the second (cut, never rounded up). */
export function localInputValue(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/**
 * The lessons of an activity the export can be cut at: closing ends a lesson and opening starts the next (1A's
 * morning, closed, and the same activity opened again after lunch). The cut is the last opening, not the close:
 * games already playing keep sending after a close, and those traces are the morning's too. One cut value serves
 * as the morning's `until` (not included) and the afternoon's `since` (included), so the two parts hold every
 * statement once (to the second: a trace of the morning stored in the fraction of a second before the opening goes
 * with the afternoon; none of the afternoon's can go with the morning). Null for an activity never closed.
 */
export function lessonCut(activity: Pick<ActivityRecord, 'opened' | 'closed'>): { at: string; reopened: boolean } | null {
  if (!activity.closed || !activity.opened) return null;
  return { at: localInputValue(activity.opened), reopened: Date.parse(activity.opened) > Date.parse(activity.closed) };
}

/**
 * Whether Live shows "this lesson" first: the activity was opened again after a close, today (this laptop's day, as
 * the browser's time zone reads it), and is not closed again. In 1A's afternoon the morning's sessions, ended or
 * silent, were listed under the new ones; on another day the teacher may be looking back, and sees them all.
 */
export function reopenedToday(activity: Pick<ActivityRecord, 'opened' | 'closed'>, now: number): boolean {
  if (!activity.closed || !activity.opened) return false;
  const opened = new Date(activity.opened);
  return opened.getTime() > Date.parse(activity.closed) && opened.toDateString() === new Date(now).toDateString();
}
