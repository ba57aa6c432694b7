import type { Request, Response } from 'express';
import { sendAdminError } from '../admin/admin-error.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { teacherVerdict } from './teacher-access.js';

/** Where another device gets access, as the teacher would type it (the Host the request came to). */
function keyPage(req: Request): string {
  const host = req.headers.host;
  return host ? `http://${host}/teacher` : '/teacher';
}

/**
 * The admin API's answer to a request that is not the teacher's, in the admin error shape, saying how to get
 * access, in the request's language (a phone's dashboard in Spanish sends es). 403 without a key (reason kept as
 * `loopback-only`), 401 for a wrong key, 429 after too many.
 */
export function refuseNonTeacher(req: Request, res: Response): void {
  const verdict = teacherVerdict(req);
  if (verdict.ok) return;
  const language = requestLanguage(req);
  const how = wording('access.how', { page: keyPage(req) });
  switch (verdict.why) {
    case 'too-many-attempts': {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      return sendAdminError(res, 429, 'too-many-attempts', word(wording('access.tooMany', { seconds }), language));
    }
    case 'wrong-key':
      return sendAdminError(res, 401, 'wrong-teacher-key', word(wording('access.wrongKey', { how }), language));
    case 'old-cookie':
      return sendAdminError(res, 403, 'teacher-key-changed', word(wording('access.keyChanged', { how }), language));
    case 'no-key':
      return sendAdminError(res, 403, 'loopback-only', word(wording('access.noKey', { how }), language));
    case 'foreign-host':
      // Not echoing the Host: it is the name of whatever site rebound itself to this computer.
      return sendAdminError(res, 403, 'foreign-host', word(wording('access.foreignHost'), language));
  }
}
