import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { getActivity } from '../store/activities-repo.js';
import { AdminError } from './admin-error.js';
import { readRollCall } from './roll-call.js';

/** GET /activities/:id/roll-call (an addition): Live's Not started yet on a laptop that serves several classes. */
export function rollCallRoutes(ctx: AppContext): express.Router {
  const router = express.Router();
  router.get('/activities/:id/roll-call', (req, res) => {
    const activity = getActivity(ctx.db, String(req.params.id));
    if (!activity) throw new AdminError(404, 'activity-not-found', wording('activity.notFound'));
    sendJson(res, 200, readRollCall(ctx.db, activity, ctx.now()));
  });
  return router;
}
