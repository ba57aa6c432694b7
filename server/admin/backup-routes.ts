import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { AdminError } from './admin-error.js';
import { backupNow, listBackups } from './backup-list.js';

/** `GET /backups` (the kept backups) and `POST /backups` ("Back up now" in Settings). */
export function backupRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/backups', (_req, res) => sendJson(res, 200, listBackups(ctx.config.dataDir)));

  // Two clicks never copy at once: backupNow runs backups one after the other.
  router.post('/backups', async (_req, res) => {
    try {
      const backup = await backupNow(ctx, 'manual');
      sendJson(res, 201, { backup, ...listBackups(ctx.config.dataDir) });
    } catch (error) {
      ctx.log.error({ err: error }, 'backup from the dashboard failed');
      const full = (error as { code?: unknown }).code === 'SQLITE_FULL';
      throw new AdminError(
        full ? 507 : 500,
        'backup-failed',
        full
          ? 'The backup could not be written: the disk is full. Free some space and try again.'
          : `The backup could not be written: ${(error as Error).message}`,
      );
    }
  });

  return router;
}
