import type { Request, Response } from 'express';
import { sendAdminError } from '../admin/admin-error.js';
import { teacherVerdict } from './teacher-access.js';

/** Where another device gets access, as the teacher would type it (the Host the request came to). */
function keyPage(req: Request): string {
  const host = req.headers.host;
  return host ? `http://${host}/teacher` : '/teacher';
}

/**
 * The admin API's answer to a request that is not the teacher's, in the admin error shape, saying how to get
 * access. 403 without a key (reason kept as `loopback-only`), 401 for a wrong key, 429 after too many.
 */
export function refuseNonTeacher(req: Request, res: Response): void {
  const verdict = teacherVerdict(req);
  const how =
    `On another device, open ${keyPage(req)} and enter the teacher key shown in Settings of the dashboard on the ` +
    "computer running Aula (scripts: send 'Authorization: Bearer <teacher key>').";
  if (verdict.ok) return;
  switch (verdict.why) {
    case 'too-many-attempts': {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      return sendAdminError(res, 429, 'too-many-attempts', `Too many wrong teacher keys from this address; try again in ${seconds} s.`);
    }
    case 'wrong-key':
      return sendAdminError(res, 401, 'wrong-teacher-key', `That is not the teacher key. ${how}`);
    case 'old-cookie':
      return sendAdminError(res, 403, 'teacher-key-changed', `The teacher key has changed since this device entered it. ${how}`);
    case 'no-key':
      return sendAdminError(res, 403, 'loopback-only', `The dashboard is the teacher's. ${how}`);
    case 'foreign-host':
      // Not echoing the Host: it is the name of whatever site rebound itself to this computer.
      return sendAdminError(
        res,
        403,
        'foreign-host',
        "This request reached Aula on this computer under another site's name (its Host header), as a web page that " +
          'renamed itself to this computer would. On this computer, open the dashboard at http://127.0.0.1 or ' +
          "http://localhost with Aula's port; through a proxy or another name, send the teacher key.",
      );
  }
}
