import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { SseHub, type SseHubOptions } from '../live/sse-hub.js';
import { activityRoutes } from './activity-routes.js';
import { AdminError, sendAdminError } from './admin-error.js';
import { alertsRoutes } from './alerts-routes.js';
import { backupRoutes } from './backup-routes.js';
import { classesRoutes } from './classes-routes.js';
import { readConnectInfo } from './connect-info.js';
import { erasureRoutes } from './erasure-routes.js';
import { failedLoginsRoutes } from './failed-logins-routes.js';
import { loopbackOnly } from './loopback-only.js';
import { playerRoutes } from './player-routes.js';
import { readOverview } from './read-overview.js';
import { readStatements } from './read-statements.js';
import { resultsRoutes } from './results-routes.js';
import { rollCallRoutes } from './roll-call-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { intParam, optionalString } from './validate.js';
import { xapiCredentialsRoutes } from './xapi-credentials-routes.js';

export interface AdminRouterOptions {
  sse?: SseHubOptions;
}

/** The dashboard's API, mounted at `/admin/api`. */
export function adminRouter(ctx: AppContext, options: AdminRouterOptions = {}): express.Router {
  const hub = new SseHub(ctx.bus, ctx.now, options.sse);
  ctx.onClose(() => hub.close());
  const router = express.Router();
  router.use(loopbackOnly);
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: '64kb' }));

  // storage.full: the dashboard's red banner on first load; live changes carry it afterwards.
  router.get('/overview', (_req, res) => sendJson(res, 200, { ...readOverview(ctx, ctx.now()), storage: { full: ctx.storage.full, damaged: ctx.storage.damaged } }));
  router.get('/connect', (req, res) => sendJson(res, 200, readConnectInfo(ctx, req.socket.localPort ?? ctx.config.port)));
  router.use(activityRoutes(ctx));
  router.use(xapiCredentialsRoutes(ctx));
  router.use(playerRoutes(ctx));
  router.use(settingsRoutes(ctx));
  router.use(backupRoutes(ctx));
  router.use(alertsRoutes(ctx));
  router.use(resultsRoutes(ctx));
  router.use(erasureRoutes(ctx));
  router.use(classesRoutes(ctx));
  router.use(failedLoginsRoutes(ctx));
  router.use(rollCallRoutes(ctx));
  router.get('/statements', async (req, res) => {
    const sessionId = optionalString(req.query.session);
    sendJson(res, 200, {
      statements: await readStatements(ctx.db, {
        activityId: optionalString(req.query.activity),
        playerId: optionalString(req.query.player),
        sessionId: sessionId === undefined ? undefined : intParam(sessionId, { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 0 }),
        verbId: optionalString(req.query.verb),
        before: req.query.before === undefined ? undefined : intParam(req.query.before, { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 0 }),
        limit: intParam(req.query.limit, { min: 1, max: 500, fallback: 50 }),
      }),
    });
  });
  router.get('/events', (req, res) => hub.attach(req, res));

  // Messages in the request's language (Accept-Language, server/i18n): Spanish for a dashboard in Spanish, else
  // English as always. `reason` and the shape never change with it.
  router.use((req, res) => sendAdminError(res, 404, 'not-found', word(wording('request.noEndpoint'), requestLanguage(req))));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const language = requestLanguage(req);
    if (error instanceof AdminError) return sendAdminError(res, error.status, error.reason, error.messageIn(language));
    const status = (error as { status?: number }).status;
    if (status === 413) return sendAdminError(res, 413, 'body-too-large', word(wording('request.tooLarge'), language));
    if (status !== undefined && status >= 400 && status < 500) {
      return sendAdminError(res, status, 'bad-request', word(wording('request.unreadable'), language));
    }
    ctx.log.error({ err: error }, 'admin API failed');
    sendAdminError(res, 500, 'internal-error', word(wording('request.internal'), language));
  });
  return router;
}
