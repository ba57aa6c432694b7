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
import { readSessionDiagnostics } from './read-session-refusals.js';

const clearBody = z.object({ kind: z.enum(DIAGNOSTIC_KINDS) });
/** `?all=<kind>`: that group's lines all listed, not only the 20 most recent (read-diagnostics.ts). */
const listAllQuery = z.enum(DIAGNOSTIC_KINDS).optional();
/** `?session=<id>`: one session's refusals (read-session-refusals.ts), the id Live's rows carry; a whole number. */
const sessionQuery = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number)
  .optional();

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
    const session = sessionQuery.safeParse(req.query.session);
    if (!session.success) {
      return sendAdminError(res, 400, 'invalid-session', "session must be a session's id, a whole number such as session=12 (Live's links carry it).");
    }
    const port = req.socket.localPort ?? ctx.config.port;
    if (session.data === undefined) return sendJson(res, 200, readDiagnostics(ctx, port, { listAll: listAll.data }));
    const ofSession = readSessionDiagnostics(ctx, port, session.data);
    if (!ofSession) {
      return sendAdminError(res, 404, 'session-not-found', `No session ${session.data}: its player's data was erased, or it never existed.`);
    }
    sendJson(res, 200, ofSession);
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
