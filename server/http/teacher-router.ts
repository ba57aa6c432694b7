import express, { type Request, type Response } from 'express';
import { clearTeacherCookieHeader, teacherCookieHeader } from '../auth/teacher-key.js';
import type { AppContext } from '../context.js';
import { teacherAccess, teacherVerdict } from './teacher-access.js';
import { renderTeacherPage } from './teacher-page.js';
import { isCrossSiteWrite } from './teacher-same-origin.js';

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not no-referrer: under it a browser sends the page's own form post with `Origin: null`, which the cross-site
  // check must refuse (teacher-same-origin.ts); same-origin still tells no other site where its visitor came from.
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(res: Response, status: number, problem?: string): void {
  res.set(PAGE_HEADERS).status(status).send(renderTeacherPage({ problem }));
}

/**
 * `/teacher`: the key page for other devices. POST checks the key (counted per address), sets the HttpOnly,
 * SameSite=Strict cookie and goes to the dashboard; `/teacher/forget` signs this device out.
 */
export function teacherRouter(ctx: AppContext): express.Router {
  const access = teacherAccess(ctx);
  const router = express.Router();

  router.get('/teacher', (req, res) => {
    if (teacherVerdict(req).ok) return res.redirect(303, '/');
    page(res, 200);
  });

  // The key page's form and its sign-out come from the key page itself; another site posting them could sign a
  // tablet out, or into a key of its choosing (login CSRF).
  router.post(['/teacher', '/teacher/forget'], (req, res, next) => {
    if (isCrossSiteWrite(req)) return page(res, 403, 'This form can only be sent from this page, not from another web site.');
    next();
  });

  router.post('/teacher', express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }), (req: Request, res: Response) => {
    const typed = (req.body as { key?: unknown } | undefined)?.key;
    if (typeof typed !== 'string' || typed.trim() === '') return page(res, 400, 'Type the teacher key.');
    const attempt = access.tryKey(req.socket.remoteAddress, typed);
    if (attempt.ok) {
      res.setHeader('Set-Cookie', teacherCookieHeader(access.issueCookie()));
      ctx.log.info({ address: req.socket.remoteAddress }, 'a device entered the teacher key');
      return res.redirect(303, '/');
    }
    if (attempt.why === 'too-many-attempts') {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      return page(res, 429, `Too many wrong keys from this device. Try again in ${Math.ceil(seconds / 60)} minute(s).`);
    }
    page(res, 401, 'That is not the teacher key. Check it in Settings on the computer running Aula (capitals and dashes do not matter).');
  });

  router.post('/teacher/forget', (_req, res) => {
    res.setHeader('Set-Cookie', clearTeacherCookieHeader());
    res.redirect(303, '/teacher');
  });

  return router;
}
