import express, { type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { type Activity, getActivity } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { activeXapiCredential, regenerateXapiCredential, revokeXapiCredentials } from '../store/xapi-credentials-repo.js';
import { AdminError } from './admin-error.js';
import type { XapiCredentialsView } from './api-types.js';
import { parseBody } from './validate.js';

// Nothing to send: a stray field (a key to "set", a typo) is refused rather than ignored, so it changes nothing.
const noOptions = z.object({}).strict();

/**
 * An activity's xAPI key and secret, for the Connect screen: read, replace, revoke. The teacher needs them to set up
 * an xAPI game, and the desktop app has no CLI. Only the teacher gets here (the admin router's guard).
 */
export function xapiCredentialsRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/activities/:id/xapi', (req, res) => {
    sendJson(res, 200, { xapi: readCredentials(ctx.db, found(ctx, req).id) });
  });

  router.post('/activities/:id/xapi/regenerate', async (req, res) => {
    parseBody(noOptions, req.body);
    const activity = found(ctx, req);
    const xapi = await ctx.writer.run((db) => {
      // Deleted between the lookup and the write: no credentials for an activity that is gone.
      if (!getActivity(db, activity.id)) throw notFound();
      regenerateXapiCredential(db, activity.id, activity.name);
      return readCredentials(db, activity.id);
    });
    changed(ctx, activity, 'xAPI credentials regenerated from the dashboard');
    sendJson(res, 200, { xapi });
  });

  router.post('/activities/:id/xapi/revoke', async (req, res) => {
    parseBody(noOptions, req.body);
    const activity = found(ctx, req);
    const revoked = await ctx.writer.run((db) => revokeXapiCredentials(db, activity.id));
    changed(ctx, activity, 'xAPI credentials revoked from the dashboard');
    sendJson(res, 200, { xapi: { status: 'revoked' } satisfies XapiCredentialsView, revoked });
  });

  return router;
}

function readCredentials(db: Db, activityId: string): XapiCredentialsView {
  const credential = activeXapiCredential(db, activityId);
  return credential ? { status: 'active', key: credential.key, secret: credential.secret, created: credential.created } : { status: 'revoked' };
}

/** Other tabs showing the credentials refetch them (the activity's id comes in the next `changes` event). */
function changed(ctx: AppContext, activity: Activity, message: string): void {
  ctx.bus.emit('activity.changed', { activityId: activity.id });
  ctx.log.info({ activityId: activity.id, trackingCode: activity.trackingCode }, message);
}

function found(ctx: AppContext, req: Request): Activity {
  const activity = getActivity(ctx.db, String(req.params.id));
  if (!activity) throw notFound();
  return activity;
}

const notFound = () => new AdminError(404, 'activity-not-found', wording('activity.notFound'));
