import type { NextFunction, Request, Response } from 'express';
import { isTeacherRequest } from '../http/is-teacher-request.js';
import { teacherAccessOf } from '../http/teacher-access.js';
import { refuseNonTeacher } from '../http/teacher-refusal.js';
import { isCrossSiteWrite } from '../http/teacher-same-origin.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { sendAdminError } from './admin-error.js';

export { isLoopbackAddress } from '../http/teacher-loopback.js';

/**
 * Guards the dashboard's API (DESIGN.md security model): this computer, or another device with the teacher key.
 * The decision is isTeacherRequest's; the refusal says how to get access. Changes sent by other web pages are
 * refused first, whoever the browser belongs to.
 */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isCrossSiteWrite(req)) {
    return sendAdminError(res, 403, 'cross-site', word(wording('access.crossSite'), requestLanguage(req)));
  }
  if (isTeacherRequest(req)) {
    teacherAccessOf(req)?.follow(req, res);
    return next();
  }
  refuseNonTeacher(req, res);
}
