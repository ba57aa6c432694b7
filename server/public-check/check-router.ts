import express, { type Request, type Response } from 'express';
import { Messages } from '../collector/messages.js';
import type { AppContext } from '../context.js';
import { isTeacherRequest } from '../http/is-teacher-request.js';
import { RateLimiter } from '../http/rate-limit.js';
import { sendJson, sendMessage } from '../http/send.js';
import { addressKey, plainAddress } from '../net/address-key.js';
import { checkTrackingCode, codeParam } from './check-activity.js';
import { renderCheckPage } from './check-page.js';
import { CHECK_PAGE_LANGUAGES, type CheckPageLanguage } from './check-page-words.js';

/** Checks per address and minute: plenty for a class retrying, too few to guess codes. */
const CHECKS_PER_MINUTE = 60;

function tooMany(limiter: RateLimiter, req: Request, res: Response): boolean {
  const waitMs = limiter.take(addressKey(req.socket.remoteAddress));
  if (waitMs === 0) return false;
  sendMessage(res, 429, 'Too many checks from this address, retry shortly', { 'Retry-After': String(Math.ceil(waitMs / 1000)) });
  return true;
}

/**
 * The public check (issue 11): `/check/api?code=…` for anyone (CORS open, games can call it), the check page at
 * `/check` for anyone and at `/` for everyone but the teacher. Other paths of the dashboard are not served to
 * other machines. Mounted after the APIs and `/health`, before the dashboard.
 */
export function publicCheckRouter(ctx: AppContext): express.Router {
  const limiter = new RateLimiter(CHECKS_PER_MINUTE, 60_000, ctx.now);
  const router = express.Router();

  router.options('/check/api', (_req, res) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  });
  router.get('/check/api', (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    if (tooMany(limiter, req, res)) return;
    const code = codeParam(req.query.code);
    sendJson(res, 200, {
      reachable: true,
      yourAddress: plainAddress(req.socket.remoteAddress ?? 'unknown'),
      activity: code === undefined ? null : checkTrackingCode(ctx.db, code),
    });
  });

  const page = (req: Request, res: Response) => {
    if (tooMany(limiter, req, res)) return;
    const code = codeParam(req.query.code);
    const html = renderCheckPage({
      // The browser's languages in its order of preference; English when it prefers none the page speaks.
      language: (req.acceptsLanguages(...CHECK_PAGE_LANGUAGES) || 'en') as CheckPageLanguage,
      reachedAt: req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`,
      yourAddress: plainAddress(req.socket.remoteAddress ?? 'unknown'),
      code,
      check: code === undefined ? undefined : checkTrackingCode(ctx.db, code),
    });
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    });
    res.status(200).send(html);
  };
  router.get('/check', page);
  router.use((req, res, next) => {
    if (isTeacherRequest(req)) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (req.path === '/') return page(req, res);
      // A browser opening a dashboard address (a link or bookmark from the teacher's laptop) goes to the key page,
      // not to a bare JSON 404; games and scripts, which do not ask for HTML, still get the JSON answer.
      if (req.accepts(['json', 'html']) === 'html') return res.redirect(303, '/teacher');
    }
    sendMessage(res, 404, Messages.notFound);
  });
  return router;
}
