import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { applyRageCors } from '../http/rage-cors.js';
import { sendJson } from '../http/send.js';
import { handleEnd } from './end-route.js';
import { handleStart } from './start-route.js';
import { handleTrack } from './track-route.js';

const PREFIXES = ['/collector', '/proxy/gleaner/collector'];

/**
 * Everything under `/api/` (contract §1): both collector prefixes, A2's health probe, CORS on every answer and
 * preflights before any other processing (C-10.3). Routing is not strict, so `track/` works too (C-1.3).
 */
export function rageRouter(ctx: AppContext): express.Router {
  const router = express.Router({ strict: false, caseSensitive: true });
  router.use((req: Request, res: Response, next) => {
    applyRageCors(req, res);
    if (req.method === 'OPTIONS') {
      res.status(200).setHeader('Content-Length', '0');
      res.end();
      return;
    }
    next();
  });
  for (const prefix of PREFIXES) {
    router.post(`${prefix}/start/:trackingCode`, (req, res) => handleStart(ctx, req, res, req.params.trackingCode as string));
    router.post(`${prefix}/track`, (req, res) => handleTrack(ctx, req, res));
    router.post(`${prefix}/end`, (req, res) => handleEnd(ctx, req, res));
  }
  router.get('/health', (_req, res) => sendJson(res, 200, { status: 'Available' }));
  router.use(undecodableCodeStart(ctx));
  return router;
}

const START_PATH = /^\/(?:proxy\/gleaner\/)?collector\/start\/([^/]+)\/?$/;

/**
 * A tracking code with a stray `%` (a typo in a game's settings: trackers put the code into the path as typed) is no
 * percent-encoding, and Express refuses to decode it before the start route runs: the game got 400 "Bad request",
 * a text outside the catalogue (C-2.2), and the teacher's diagnostics never saw the code. No code can be it (C-8.1),
 * so the start runs its usual steps (C-5.4) with the code as sent, and ends at 404 M-NO-CODE like any unknown code.
 */
function undecodableCodeStart(ctx: AppContext) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const code = req.method === 'POST' && error instanceof URIError ? START_PATH.exec(req.path)?.[1] : undefined;
    if (code === undefined) return next(error);
    void handleStart(ctx, req, res, code);
  };
}
