import type { NextFunction, Request, Response } from 'express';
import { isTeacherRequest } from '../http/is-teacher-request.js';
import { teacherAccessOf } from '../http/teacher-access.js';
import { refuseNonTeacher } from '../http/teacher-refusal.js';

export { isLoopbackAddress } from '../http/teacher-loopback.js';

/**
 * Guards the dashboard's API (DESIGN.md security model): this computer, or another device with the teacher key.
 * The decision is isTeacherRequest's; the refusal says how to get access.
 */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isTeacherRequest(req)) {
    teacherAccessOf(req)?.follow(req, res);
    return next();
  }
  refuseNonTeacher(req, res);
}
