import express, { type NextFunction, type Request, type Response } from 'express';
import { Messages } from '../collector/messages.js';
import { rageRouter } from '../collector/rage-router.js';
import { answerNotFound } from '../collector/wrong-path.js';
import type { AppContext } from '../context.js';
import { publicCheckRouter } from '../public-check/check-router.js';
import { mountDashboard } from './dashboard-files.js';
import { sendJson, sendMessage } from './send.js';
import { teacherGate } from './teacher-access.js';
import { teacherRouter } from './teacher-router.js';

/** Extra routers other features mount (login, xAPI, admin…), in order, before the `/api` 404 and the dashboard. */
export interface Mount {
  path: string;
  router: express.Router;
}

export function createApp(ctx: AppContext, mounts: Mount[] = []): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(teacherGate(ctx));
  app.use('/api', rageRouter(ctx));
  for (const mount of mounts) app.use(mount.path, mount.router);
  // Unknown paths and methods under `/api/` (C-1.7), after every other `/api` router.
  app.use('/api', answerNotFound(ctx));
  // 503 while the disk is full, so a supervisor (or the teacher's check) sees that statements are being refused.
  app.get('/health', (_req, res) => {
    if (ctx.storage.damaged) return sendJson(res, 503, { status: 'damaged', message: ctx.storage.damaged });
    if (ctx.storage.full) return sendJson(res, 503, { status: 'storage-full' });
    sendJson(res, 200, { status: 'ok' });
  });
  // Other machines get the public check page at `/`; the dashboard is the teacher's (issue 11).
  app.use(teacherRouter(ctx));
  app.use(publicCheckRouter(ctx));
  mountDashboard(app, ctx.config.dashboardDir);
  // Anything else: a JSON 404 like every other answer of Aula, not Express's HTML page.
  app.use(answerNotFound(ctx));
  app.use(errorAnswer(ctx));
  return app;
}

/** Last resort: JSON, never an HTML page or a stack trace (contract C-2.2). */
function errorAnswer(ctx: AppContext) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = (error as { status?: number; statusCode?: number }).status ?? 500;
    if (status >= 500) ctx.log.error({ err: error, url: req.url }, 'unhandled error');
    if (res.headersSent) {
      res.end();
      return;
    }
    if (status === 500) return sendMessage(res, 500, Messages.internal);
    sendMessage(res, status, status === 404 ? Messages.notFound : 'Bad request');
  };
}
