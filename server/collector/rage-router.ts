import express, { type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { applyRageCors } from '../http/rage-cors.js';
import { sendJson, sendMessage } from '../http/send.js';
import { handleEnd } from './end-route.js';
import { Messages } from './messages.js';
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
  return router;
}

/** Unknown paths and methods under `/api/` (C-1.7), mounted after every other `/api` router. */
export function rageNotFound(_req: Request, res: Response): void {
  sendMessage(res, 404, Messages.notFound);
}
