import { wording } from '../i18n/wording.js';
import { AdminError } from './admin-error.js';

/**
 * `?lesson=` of GET …/results and …/results.csv: `current` for this lesson (since the activity was last opened again,
 * as Live's "this lesson"); absent, blank or `all` for every lesson, the answer as it was before the parameter. Anything
 * else is a 400, so a mistyped value is not quietly answered with the whole history.
 */
export function lessonParam(value: unknown): 'current' | undefined {
  if (value === undefined || value === '' || value === 'all') return undefined;
  if (value === 'current') return 'current';
  throw new AdminError(400, 'invalid-parameter', wording('request.lessonOne'));
}
