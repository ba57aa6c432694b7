import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ErasureError, previewErasure, readErasures } from '../erasure/erase-player.js';
import { checkpointAfterErasure, erasureJob } from '../erasure/run-erasure.js';
import { sendJson } from '../http/send.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { isoNow } from '../util/time.js';
import { AdminError } from './admin-error.js';
import { intParam, optionalString, parseBody } from './validate.js';

const eraseBody = z.object({
  player: z.string().min(1).max(200),
  /** Tracking code or activity id; absent = everywhere. */
  activity: z.string().min(1).max(200).optional(),
  /** The dashboard asks the teacher to confirm; the API insists on it too. */
  confirm: z.literal(true, { error: 'confirm must be true: an erasure cannot be undone' }),
});

const STATUS: Record<ErasureError['reason'], number> = {
  'player-not-found': 404,
  'player-ambiguous': 409,
  'activity-not-found': 404,
  'nothing-to-erase': 409,
};

function asAdminError(error: unknown): never {
  if (error instanceof ErasureError) throw new AdminError(STATUS[error.reason], error.reason, error.message);
  throw error;
}

/** Erasing one player's data from the dashboard (issue 10); `aula player erase` does the same. */
export function erasureRoutes(ctx: AppContext): express.Router {
  const engine = rulesEngineFor(ctx);
  const router = express.Router();

  router.get('/erasures', (req, res) => {
    sendJson(res, 200, { erasures: readErasures(ctx.db, intParam(req.query.limit, { min: 1, max: 1000, fallback: 100 })) });
  });

  router.get('/erasures/preview', (req, res) => {
    const player = optionalString(req.query.player);
    if (!player) throw new AdminError(400, 'invalid-parameter', 'player is required.');
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

  return router;
}
