import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { forgetCredentialsInTargets } from '../upload/upload-state.js';
import { AdminError, sendAdminError } from './admin-error.js';
import { countForExport, ExportProgressBoard, exportOptionsFromQuery, sendExport } from './data-export.js';
import { ImportRunner } from './data-import.js';
import { listTargets, lrsSchema, targetOf, testConnection, UploadRunner, uploadSchema } from './data-upload.js';
import { loopbackOnly } from './loopback-only.js';
import { parseBody } from './validate.js';

export interface DataRouterOptions {
  /** Largest accepted import body (bytes). */
  importMaxBytes?: number;
}

/**
 * Researchers' data, mounted at `/admin/api/data` (the teacher only, as the rest of the admin API): export
 * downloads with their progress, upload to a central LRS in the background, import of another laptop's bundle.
 */
export function dataRouter(ctx: AppContext, options: DataRouterOptions = {}): express.Router {
  const board = new ExportProgressBoard();
  const uploads = new UploadRunner(ctx);
  const imports = new ImportRunner(ctx, options.importMaxBytes);
  // Secrets an older Aula kept in endpoints it stored (typed as https://KEY:SECRET@…) go at start-up.
  ctx.writer.run(forgetCredentialsInTargets).catch((error: unknown) => ctx.log.warn({ err: error }, 'could not take the credentials out of stored LRS endpoints'));
  const router = express.Router();
  router.use(loopbackOnly);
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const json = express.json({ limit: '16kb' });

  router.get('/export', (req, res, next) => {
    sendExport(ctx, board, req, res).catch(next);
  });
  router.get('/export/count', (req, res) => {
    const { options: exportOptions } = exportOptionsFromQuery(req.query);
    sendJson(res, 200, { statements: countForExport(ctx, exportOptions) });
  });
  router.get('/export/progress/:id', (req, res) => {
    const entry = board.get(String(req.params.id));
    if (!entry) throw new AdminError(404, 'unknown-export', wording('data.unknownExport'));
    sendJson(res, 200, entry);
  });

  router.get('/upload/targets', (_req, res) => sendJson(res, 200, { targets: listTargets(ctx.db) }));
  router.post('/upload/test', json, async (req, res) => {
    sendJson(res, 200, await testConnection(targetOf(parseBody(lrsSchema, req.body)), requestLanguage(req)));
  });
  router.post('/upload', json, (req, res) => {
    const job = uploads.start(parseBody(uploadSchema, req.body));
    sendJson(res, 202, { job });
  });
  router.get('/upload/status', (req, res) => sendJson(res, 200, { job: uploads.status(requestLanguage(req)) }));

  router.post('/import', async (req, res) => {
    sendJson(res, 200, { report: await imports.run(req) });
  });
  router.get('/import/status', (_req, res) => sendJson(res, 200, imports.status));

  // In the request's language, as the admin router's (server/i18n): Spanish for a dashboard in Spanish.
  router.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (res.headersSent) return void res.destroy();
    const language = requestLanguage(req);
    if (error instanceof AdminError) return sendAdminError(res, error.status, error.reason, error.messageIn(language));
    const status = (error as { status?: number }).status;
    if (status === 413) return sendAdminError(res, 413, 'body-too-large', word(wording('request.tooLarge'), language));
    if (status !== undefined && status >= 400 && status < 500) return sendAdminError(res, status, 'bad-request', word(wording('request.unreadable'), language));
    ctx.log.error({ err: error }, 'data API failed');
    sendAdminError(res, 500, 'internal-error', word(wording('request.internal'), language));
  });
  return router;
}
