import type { UploadRetryNotice } from '../../../server/admin/api-types.js';
import { formatTime } from './time';

/**
 * What `aula upload` prints before each wait, for the dashboard: an upload waiting up to two minutes for a busy or
 * unreachable LRS must not look stalled. Once the time has come, the request is out and its answer awaited. The time
 * left is the server's as of its answer, counted down by `sinceAnswerMs` (the browser's monotonic clock): a phone's
 * clock minutes off the laptop's said "waiting for its answer" at once, or counted minutes for a two-second wait.
 * An answer without it (an older Aula) is counted against `now`.
 */
export function retryNotice(retry: UploadRetryNotice, now: number, sinceAnswerMs = 0): string {
  const at = formatTime(retry.retryAt, now);
  const attempt = `attempt ${retry.attempt} of ${retry.attempts}`;
  const left = retry.retryInMs === undefined ? Date.parse(retry.retryAt) - now : retry.retryInMs - Math.max(0, sinceAnswerMs);
  if (left <= 0) return `${capitalised(retry.problem)}; asked again at ${at} (${attempt}), waiting for its answer.`;
  const wait = left < 1000 ? `${Math.max(1, Math.round(left))} ms` : `${Math.ceil(left / 1000)} s`;
  return `${capitalised(retry.problem)}; trying again in ${wait}, at ${at} (${attempt}). Nothing is lost: an upload that stops is resumed by uploading again.`;
}

/** Beside a run's counts, when it waited: the researcher who looked away should still learn the LRS struggled. */
export function retriesNote(retries: number): string | null {
  if (retries === 0) return null;
  return `The LRS was asked again ${retries === 1 ? 'once' : `${retries.toLocaleString('en-US')} times`} after it was busy or unreachable.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
