import express from 'express';
import { z } from 'zod';
import { sendAdminError } from '../admin/admin-error.js';
import { loopbackOnly } from '../admin/loopback-only.js';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { prepared } from '../store/prepared.js';
import { setSetting } from '../store/settings-repo.js';
import { DIAGNOSTIC_KINDS } from './diagnostic-kinds.js';
import { clearedKey, readDiagnostics, silentGamesMark } from './read-diagnostics.js';

const clearBody = z.object({ kind: z.enum(DIAGNOSTIC_KINDS) });
/** `?all=<kind>`: that group's lines all listed, not only the 20 most recent (read-diagnostics.ts). */
const listAllQuery = z.enum(DIAGNOSTIC_KINDS).optional();

/** The teacher's connection diagnostics, mounted at `/admin/api/diagnostics`; the teacher only (loopbackOnly → isTeacherRequest), like the admin API. */
export function diagnosticsRouter(ctx: AppContext): express.Router {
  const router = express.Router();
  router.use(loopbackOnly);
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/', (req, res) => {
    const listAll = listAllQuery.safeParse(req.query.all);
    if (!listAll.success) return sendAdminError(res, 400, 'invalid-kind', `all must be one of: ${DIAGNOSTIC_KINDS.join(', ')}.`);
    sendJson(res, 200, readDiagnostics(ctx, req.socket.localPort ?? ctx.config.port, { listAll: listAll.data }));
  });
  // "Handled": hides what is listed now; anything that happens afterwards shows again.
  router.post('/clear', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = clearBody.safeParse(req.body);
    if (!parsed.success) return sendAdminError(res, 400, 'invalid-kind', `kind must be one of: ${DIAGNOSTIC_KINDS.join(', ')}.`);
    const { kind } = parsed.data;
    if (kind === 'busy') {
      ctx.busyRefusals.clear();
      return sendJson(res, 200, { cleared: kind });
    }
    const mark =
      kind === 'silent-games'
        ? silentGamesMark(ctx)
        : String(prepared<[], { id: number | null }>(ctx.db, 'SELECT max(id) AS id FROM rejected_requests').get()?.id ?? 0);
    await ctx.writer.run((db) => setSetting(db, clearedKey(kind), mark));
    sendJson(res, 200, { cleared: kind });
  });
  router.use((_req, res) => sendAdminError(res, 404, 'not-found', 'No such diagnostics endpoint.'));
  router.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (res.headersSent) return void res.end();
    const status = (error as { status?: number }).status;
    if (status !== undefined && status >= 400 && status < 500) return sendAdminError(res, status, 'bad-request', 'The request could not be read.');
    ctx.log.error({ err: error }, 'diagnostics failed');
    sendAdminError(res, 500, 'internal-error', 'Something went wrong in Aula; the details are in its log.');
  });
  return router;
}
