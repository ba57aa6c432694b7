import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { BackupDeleteError, deleteBackup } from '../store/backup-delete.js';
import { AdminError } from './admin-error.js';
import { backupNow, listBackups } from './backup-list.js';

/**
 * `GET /backups` (the kept backups, each with the erasures made since), `POST /backups` ("Back up now" in Settings)
 * and `DELETE /backups/:name` (a backup no longer needed, e.g. one still holding erased data).
 */
export function backupRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/backups', (_req, res) => sendJson(res, 200, listBackups(ctx.config.dataDir, ctx.db)));

  // Two clicks never copy at once: backupNow runs backups one after the other.
  router.post('/backups', async (_req, res) => {
    try {
      const backup = await backupNow(ctx, 'manual');
      sendJson(res, 201, { backup, ...listBackups(ctx.config.dataDir, ctx.db) });
    } catch (error) {
      ctx.log.error({ err: error }, 'backup from the dashboard failed');
      const full = (error as { code?: unknown }).code === 'SQLITE_FULL';
      throw new AdminError(
        full ? 507 : 500,
        'backup-failed',
        full ? wording('backup.diskFull') : wording('backup.failed', { detail: (error as Error).message }),
      );
    }
  });

  router.delete('/backups/:name', async (req, res) => {
    const name = String(req.params.name);
    try {
      const deleted = await deleteBackup(ctx.config.dataDir, name);
      ctx.log.info({ backup: deleted.name, bytes: deleted.bytes }, 'backup deleted');
      sendJson(res, 200, { deleted: deleted.name, ...listBackups(ctx.config.dataDir, ctx.db) });
    } catch (error) {
      if (error instanceof BackupDeleteError) throw new AdminError(error.reason === 'backup-not-found' ? 404 : 400, error.reason, error.wording);
      throw error;
    }
  });

  return router;
}
