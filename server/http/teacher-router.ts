import express, { type Request, type Response } from 'express';
import { clearTeacherCookieHeader, teacherCookieHeader } from '../auth/teacher-key.js';
import type { AppContext } from '../context.js';
import { teacherAccess, teacherVerdict } from './teacher-access.js';
import { renderTeacherPage } from './teacher-page.js';
import { TEACHER_PAGE_LANGUAGES, type TeacherPageLanguage, type TeacherPageWords } from './teacher-page-words.js';
import { isCrossSiteWrite } from './teacher-same-origin.js';

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // In the browser's language (as the check page): a cache must not hand one language's page to another.
  Vary: 'Accept-Language',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not no-referrer: under it a browser sends the page's own form post with `Origin: null`, which the cross-site
  // check must refuse (teacher-same-origin.ts); same-origin still tells no other site where its visitor came from.
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(req: Request, res: Response, status: number, problem?: (words: TeacherPageWords) => string): void {
  // The browser's languages in its order of preference; English when it prefers none the page speaks.
  const language = (req.acceptsLanguages(...TEACHER_PAGE_LANGUAGES) || 'en') as TeacherPageLanguage;
  res.set(PAGE_HEADERS).status(status).send(renderTeacherPage({ language, problem }));
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
    page(req, res, 200);
  });

  // The key page's form and its sign-out come from the key page itself; another site posting them could sign a
  // tablet out, or into a key of its choosing (login CSRF).
  router.post(['/teacher', '/teacher/forget'], (req, res, next) => {
    if (isCrossSiteWrite(req)) return page(req, res, 403, (words) => words.crossSite);
    next();
  });

  router.post('/teacher', express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }), (req: Request, res: Response) => {
    const typed = (req.body as { key?: unknown } | undefined)?.key;
    if (typeof typed !== 'string' || typed.trim() === '') return page(req, res, 400, (words) => words.typeKey);
    const attempt = access.tryKey(req.socket.remoteAddress, typed);
    if (attempt.ok) {
      res.setHeader('Set-Cookie', teacherCookieHeader(access.issueCookie()));
      ctx.log.info({ address: req.socket.remoteAddress }, 'a device entered the teacher key');
      return res.redirect(303, '/');
    }
    if (attempt.why === 'too-many-attempts') {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      return page(req, res, 429, (words) => words.tooMany(Math.ceil(seconds / 60)));
    }
    page(req, res, 401, (words) => words.wrongKey);
  });

  router.post('/teacher/forget', (_req, res) => {
    res.setHeader('Set-Cookie', clearTeacherCookieHeader());
    res.redirect(303, '/teacher');
  });

  return router;
}
