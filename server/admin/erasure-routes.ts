import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { backupsNote } from '../erasure/backups-note.js';
import { ActivityErasureError, previewActivityErasure } from '../erasure/erase-activity.js';
import { ErasureError, previewErasure } from '../erasure/erase-player.js';
import { readErasures } from '../erasure/erasure-log.js';
import { activityErasureJob, checkpointAfterErasure, erasureJob } from '../erasure/run-erasure.js';
import { sendJson } from '../http/send.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { isoNow } from '../util/time.js';
import { AdminError } from './admin-error.js';
import { cutAt, whenCut } from './read-past-limit.js';
import { intParam, optionalString, parseBody } from './validate.js';

const eraseBody = z.object({
  player: z.string().min(1).max(200),
  /** Tracking code or activity id; absent = everywhere. */
  activity: z.string().min(1).max(200).optional(),
  /** The dashboard asks the teacher to confirm; the API insists on it too. */
  confirm: z.literal(true, { error: word(wording('field.confirmErasure')) }),
});

const STATUS: Record<ErasureError['reason'], number> = {
  'player-not-found': 404,
  'player-ambiguous': 409,
  'activity-not-found': 404,
  'nothing-to-erase': 409,
};

const eraseActivityBody = z.object({
  /** The dashboard has the teacher type the tracking code; the API insists on it too, so no id erases by mistake. */
  trackingCode: z.string().min(1).max(200),
  confirm: z.literal(true, { error: word(wording('field.confirmErasure')) }),
});

const ACTIVITY_STATUS: Record<ActivityErasureError['reason'], number> = {
  'activity-not-found': 404,
  'nothing-to-erase': 409,
  'games-playing': 409,
};

function asAdminError(error: unknown): never {
  if (error instanceof ErasureError) throw new AdminError(STATUS[error.reason], error.reason, error.wording);
  if (error instanceof ActivityErasureError) throw new AdminError(ACTIVITY_STATUS[error.reason], error.reason, error.wording);
  throw error;
}

/** Erasing one player's data from the dashboard (issue 10); `aula player erase` does the same. */
export function erasureRoutes(ctx: AppContext): express.Router {
  const engine = rulesEngineFor(ctx);
  const router = express.Router();

  router.get('/erasures', (req, res) => {
    const limit = intParam(req.query.limit, { min: 1, max: 1000, fallback: 100 });
    // One row past the limit tells whether older erasures were left out (?limit= up to 1,000 reaches them): `more`
    // only then, else the answer as it was.
    const erasures = cutAt(readErasures(ctx.db, limit + 1), limit);
    sendJson(res, 200, { erasures: erasures.rows, ...whenCut(erasures, 'more') });
  });

  router.get('/erasures/preview', (req, res) => {
    const player = optionalString(req.query.player);
    if (!player) throw new AdminError(400, 'invalid-parameter', wording('erasure.playerRequired'));
    try {
      sendJson(res, 200, previewErasure(ctx.db, { player, activity: optionalString(req.query.activity) }));
    } catch (error) {
      asAdminError(error);
    }
  });

  router.post('/erasures', async (req, res) => {
    const body = parseBody(eraseBody, req.body);
    // Pending results of this player must not be written back after the erasure: write them first.
    await engine.flush();
    const report = await ctx.writer.run(erasureJob({ player: body.player, activity: body.activity }, 'dashboard', isoNow(ctx.now))).catch(asAdminError);
    engine.forget(report.sessionIds);
    checkpointAfterErasure(ctx.db);
    for (const activityId of report.activityIds) {
      ctx.bus.emit('activity.changed', { activityId });
      ctx.bus.emit('alerts.changed', { activityId });
    }
    const { sessionIds: _sessions, activityIds: _activities, ...summary } = report;
    sendJson(res, 200, summary);
  });

  // Erasing a whole activity's data (the end of a study); `aula activity erase` does the same.
  router.get('/activities/:id/erase', (req, res) => {
    try {
      sendJson(res, 200, { ...previewActivityErasure(ctx.db, String(req.params.id)), backups: backupsNote(ctx.config.dataDir, requestLanguage(req)) });
    } catch (error) {
      asAdminError(error);
    }
  });

  router.post('/activities/:id/erase', async (req, res) => {
    const body = parseBody(eraseActivityBody, req.body);
    const activity = (() => {
      try {
        return previewActivityErasure(ctx.db, String(req.params.id));
      } catch (error) {
        return asAdminError(error);
      }
    })();
    if (body.trackingCode !== activity.trackingCode) {
      throw new AdminError(400, 'confirmation-mismatch', wording('erasure.confirmationMismatch', { code: activity.trackingCode }));
    }
    // Pending results and alerts of its sessions must not be written back after the erasure: write them first.
    await engine.flush();
    const report = await ctx.writer.run(activityErasureJob(activity.activityId, 'dashboard', ctx.now())).catch(asAdminError);
    engine.forget(report.sessionIds);
    checkpointAfterErasure(ctx.db);
    ctx.bus.emit('activity.changed', { activityId: report.activityId });
    ctx.bus.emit('alerts.changed', { activityId: report.activityId });
    // What went, in numbers only: the log names no player.
    ctx.log.info({ activityId: report.activityId, erasure: report.id, statements: report.statements, sessions: report.sessions }, 'activity data erased from the dashboard');
    const { sessionIds: _sessions, ...summary } = report;
    sendJson(res, 200, { ...summary, backups: backupsNote(ctx.config.dataDir, requestLanguage(req)) });
  });

  return router;
}
