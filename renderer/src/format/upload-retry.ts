import type { UploadRetryNotice } from '../../../server/admin/api-types.js';
import { t } from '../i18n/setup';
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
  const attempt = t('data:upload.retry.attempt', { attempt: retry.attempt, attempts: retry.attempts });
  const left = retry.retryInMs === undefined ? Date.parse(retry.retryAt) - now : retry.retryInMs - Math.max(0, sinceAnswerMs);
  // The problem is the server's wording ("the LRS answered 503", a network error), shown as sent.
  const problem = capitalised(retry.problem);
  if (left <= 0) return t('data:upload.retry.answerAwaited', { problem, at, attempt });
  const wait =
    left < 1000 ? t('data:upload.retry.milliseconds', { count: Math.max(1, Math.round(left)) }) : t('data:upload.retry.seconds', { count: Math.ceil(left / 1000) });
  return t('data:upload.retry.waiting', { problem, wait, at, attempt });
}

/** Beside a run's counts, when it waited: the researcher who looked away should still learn the LRS struggled. */
export function retriesNote(retries: number): string | null {
  if (retries === 0) return null;
  return t('data:upload.retry.askedAgain', { count: retries });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
