import express, { type NextFunction, type Request, type Response } from 'express';
import { recordBusy, recordRejection } from '../collector/refusals.js';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { getActivity } from '../store/activities-repo.js';
import { convertAlternateRequest } from './alternate-syntax.js';
import { consistencyClock } from './consistent-through.js';
import { getStatements } from './get-statements.js';
import { postStatements, putStatement, XapiBusyError, type XapiLocals } from './post-statements.js';
import { authenticate } from './xapi-auth.js';
import {
  ANSWER_VERSION,
  applyXapiCors,
  preflightHeaders,
  requestVersion,
  STATEMENT_METHODS,
  SUPPORTED_VERSIONS,
  sendXapiError,
  XapiError,
} from './xapi-headers.js';

/**
 * `/xapi/statements` and `/xapi/about` (contract xapi.md). Order of checks: CORS and preflight, version
 * header, credentials, then the route's own parameter, body and validation checks.
 */
export function xapiRouter(ctx: AppContext): express.Router {
  const router = express.Router({ strict: false, caseSensitive: true });
  const consistency = consistencyClock(ctx);
  router.use((req, res, next) => {
    applyXapiCors(res);
    if (req.method === 'OPTIONS') {
      for (const [name, value] of Object.entries(preflightHeaders(req))) res.setHeader(name, value);
      res.status(200).setHeader('Content-Length', '0');
      res.end();
      return;
    }
    const version = requestVersion(req);
    res.setHeader('X-Experience-API-Version', ANSWER_VERSION[version ?? '1.0']);
    res.locals.version = version;
    next();
  });

  // Before the credentials and the version are read: a request in the Alternate Request Syntax carries them in its form.
  router.use((req, res, next) => {
    convertAlternateRequest(ctx, req, res).then(
      (converted) => {
        if (converted) res.locals.version = requestVersion(req);
        next();
      },
      (error: unknown) => {
        // Refused before the statement resource's own checks: its answers carry the header all the same.
        res.setHeader('X-Experience-API-Consistent-Through', consistency.through());
        next(error);
      },
    );
  });

  router.get('/about', (_req, res) => sendJson(res, 200, { version: SUPPORTED_VERSIONS }));

  const statements = express.Router({ strict: false, caseSensitive: true });
  statements.use((req, res, next) => {
    // on every statement-resource answer, errors included; a write sets it again once it has committed.
    res.setHeader('X-Experience-API-Consistent-Through', consistency.through());
    if (!res.locals.version) {
      const header = req.headers['x-experience-api-version'];
      throw new XapiError(400, header ? `Unsupported X-Experience-API-Version: ${String(header)}` : 'Missing X-Experience-API-Version header');
    }
    res.locals.credential = authenticate(ctx.db, req);
    next();
  });
  statements.get('/', wrap((req, res) => getStatements(ctx, req, res)));
  statements.post('/', wrap((req, res) => postStatements(ctx, req, res)));
  statements.put('/', wrap((req, res) => putStatement(ctx, req, res)));
  statements.all('/', (req) => {
    throw new XapiError(405, `Method ${req.method} is not allowed on /statements`, { Allow: STATEMENT_METHODS });
  });
  router.use('/statements', statements);

  router.use((req: Request, _res: Response) => {
    throw new XapiError(404, `No xAPI resource at ${req.baseUrl}${req.path}`);
  });
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof XapiError) {
      if (isRefusedWrite(req, error.status)) recordXapiRejection(ctx, req, res, error);
      if (error instanceof XapiBusyError) recordBusy(ctx, req);
      return sendXapiError(res, error.status, error.message, error.headers);
    }
    ctx.log.error({ err: error, url: req.url }, 'xAPI request failed');
    sendXapiError(res, 500, 'Internal error');
  });
  return router;
}

/**
 * Statements a game sent that were not stored, as the teacher's diagnostics list RAGE refusals (contract C-6.6):
 * the xAPI client gets the error, but its player never sees it. Not 503: the client sends those again.
 */
function isRefusedWrite(req: Request, status: number): boolean {
  // The statements router's errors reach this one with the base of /xapi: the resource is in the original URL.
  const resource = req.originalUrl.split('?')[0] ?? '';
  return (req.method === 'POST' || req.method === 'PUT') && /\/statements\/?$/.test(resource) && status >= 400 && status < 500;
}

/** The sample is the tracking code of the credentials' activity: the diagnostics name the activity by it. */
function recordXapiRejection(ctx: AppContext, req: Request, res: Response, error: XapiError): void {
  const credential = (res.locals as Partial<XapiLocals>).credential;
  const activity = credential ? getActivity(ctx.db, credential.activityId) : undefined;
  recordRejection(ctx, req, 'xapi', error.status, error.message, { sample: activity?.trackingCode ?? null });
}

function wrap(handler: (req: Request, res: Response) => void | Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(next);
  };
}
