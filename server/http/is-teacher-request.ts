import type { IncomingMessage } from 'node:http';
import { teacherVerdict } from './teacher-access.js';

/**
 * The one question "is this the teacher?" for the dashboard, its API and the public check page: a request from this
 * computer (the socket's address, never a forwarded header), or one carrying the teacher key (the cookie the key
 * page at /teacher gives, or `Authorization: Bearer <key>`).
 */
export function isTeacherRequest(req: IncomingMessage): boolean {
  return teacherVerdict(req).ok;
}
