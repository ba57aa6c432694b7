import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { word, wording } from '../i18n/wording.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { ActivityHasDataError, createActivity, deleteUnplayedActivity, getActivity, setActivityOpen, updateActivity } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { AdminError } from './admin-error.js';
import { backupAfterClose } from './backup-list.js';
import { playersAnswer } from './players-answer.js';
import { listClasses, readActivities, readActivity, view } from './read-activities.js';
import { cutAt, whenCut } from './read-past-limit.js';
import { readRate, withClockMinutes } from './read-rate.js';
import { readActivitySessions } from './read-sessions.js';
import { intParam, parseBody } from './validate.js';

const newActivitySchema = z.object({
  name: z.string().trim().min(1, word(wording('field.activityName'))).max(120),
  game: z.string().trim().max(120).optional(),
  classId: z.string().min(1).nullable().optional(),
  allowAnonymous: z.boolean().default(true),
  open: z.boolean().default(true),
});

const activityChangesSchema = z
  .object({
    name: z.string().trim().min(1, word(wording('field.activityName'))).max(120).optional(),
    classId: z.string().min(1).nullable().optional(),
    allowAnonymous: z.boolean().optional(),
  })
  .strict()
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), word(wording('field.activityChange')));

/** Activities: list, create, change, open/close, delete when unplayed, and their sessions, players and statement rate. */
export function activityRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/activities', (_req, res) => sendJson(res, 200, { activities: readActivities(ctx, ctx.now()) }));

  router.get('/classes', (_req, res) => sendJson(res, 200, { classes: listClasses(ctx.db) }));

  router.post('/activities', async (req, res) => {
    const input = parseBody(newActivitySchema, req.body);
    requireKnownClass(ctx.db, input.classId);
    const activity = await ctx.writer.run((db) => createActivity(db, input));
    ctx.bus.emit('activity.changed', { activityId: activity.id });
    // The Classes screen counts a class's activities.
    if (activity.classId) ctx.bus.emit('classes.changed', { classId: activity.classId });
    ctx.log.info({ activityId: activity.id, trackingCode: activity.trackingCode }, 'activity created from the dashboard');
    sendJson(res, 201, { activity: view(activity, 0) });
  });

  router.get('/activities/:id', (req, res) => sendJson(res, 200, { activity: readActivity(ctx, found(ctx, req), ctx.now()) }));

  // A typo in the name, the wrong class, anonymous players let in by mistake: fixed without a new tracking code.
  router.patch('/activities/:id', async (req, res) => {
    const before = found(ctx, req);
    const changes = parseBody(activityChangesSchema, req.body);
    const changed = await ctx.writer.run((db) => {
      requireKnownClass(db, changes.classId);
      return updateActivity(db, before.id, changes);
    });
    if (!changed) throw notFound();
    ctx.bus.emit('activity.changed', { activityId: changed.id });
    // The Classes screen counts each class's activities: the one it left and the one it joined.
    for (const classId of new Set([before.classId, changed.classId])) if (classId) ctx.bus.emit('classes.changed', { classId });
    ctx.log.info({ activityId: changed.id, changed: Object.keys(changes) }, 'activity changed from the dashboard');
    sendJson(res, 200, { activity: readActivity(ctx, changed, ctx.now()) });
  });

  // Only an activity no game ever played: one with traces is research data (close it instead).
  router.delete('/activities/:id', async (req, res) => {
    const before = found(ctx, req);
    let deleted: Awaited<ReturnType<typeof deleteUnplayedActivity>>;
    try {
      deleted = await ctx.writer.run((db) => deleteUnplayedActivity(db, before.id));
    } catch (error) {
      if (error instanceof ActivityHasDataError) {
        const refusal = error.wording;
        throw new AdminError(409, 'activity-has-data', wording('class.sentence', { text: refusal }));
      }
      throw error;
    }
    if (!deleted) throw notFound();
    ctx.bus.emit('activity.changed', { activityId: deleted.id });
    if (deleted.classId) ctx.bus.emit('classes.changed', { classId: deleted.classId });
    ctx.log.info({ activityId: deleted.id, trackingCode: deleted.trackingCode }, 'unplayed activity deleted from the dashboard');
    sendJson(res, 200, { activity: view(deleted, 0) });
  });

  const setOpen = (open: boolean) => async (req: Request, res: Response) => {
    const activity = found(ctx, req);
    const changed = await ctx.writer.run((db) => setActivityOpen(db, activity.trackingCode, open));
    if (!changed) throw notFound();
    ctx.bus.emit('activity.changed', { activityId: changed.id });
    // Closing ends a lesson: keep a backup of it, as `aula activity close` does (only when it really was open).
    const backup = !open && activity.open ? await backupAfterClose(ctx, changed.trackingCode) : undefined;
    sendJson(res, 200, { activity: readActivity(ctx, changed, ctx.now()), ...(backup === undefined ? {} : { backup }) });
  };
  router.post('/activities/:id/open', setOpen(true));
  router.post('/activities/:id/close', setOpen(false));

  router.get('/activities/:id/sessions', (req, res) => {
    const activity = found(ctx, req);
    const limit = intParam(req.query.limit, { min: 1, max: 2000, fallback: 500 });
    const now = ctx.now();
    // One row past the limit tells whether older sessions were left out (an activity used all term has thousands).
    const read = cutAt(readActivitySessions(ctx.db, activity.id, limit + 1), limit);
    const sessions = read.rows;
    // Live's idle badge counts what the Idle rule counts: not the time the laptop slept or its clock moved.
    const silences = rulesEngineFor(ctx).silentMs(
      sessions.filter((session) => session.ended === null),
      now,
    );
    for (const session of sessions) {
      const silentMs = silences.get(session.id);
      if (silentMs !== undefined) session.silentMs = silentMs;
    }
    // `more` only when cut: otherwise the answer is as it always was.
    sendJson(res, 200, { serverTime: new Date(now).toISOString(), sessions, ...whenCut(read, 'more') });
  });

  router.get('/activities/:id/players', (req, res) => {
    const activity = found(ctx, req);
    const limit = intParam(req.query.limit, { min: 1, max: 2000, fallback: 500 });
    sendJson(res, 200, playersAnswer(ctx.db, activity.id, limit, req.query));
  });

  router.get('/activities/:id/rate', (req, res) => {
    const activity = found(ctx, req);
    const minutes = intParam(req.query.minutes, { min: 1, max: 240, fallback: 30 });
    const storedNow = ctx.storedClock.now();
    sendJson(res, 200, { points: withClockMinutes(readRate(ctx.db, activity.id, minutes, storedNow), storedNow - ctx.now()) });
  });

  return router;
}

function found(ctx: AppContext, req: Request) {
  const activity = getActivity(ctx.db, String(req.params.id));
  if (!activity) throw notFound();
  return activity;
}

/** A class an activity is given must exist; none (null or absent) always may. */
function requireKnownClass(db: Db, classId: string | null | undefined): void {
  if (classId && !prepared<[string], { one: number }>(db, 'SELECT 1 AS one FROM classes WHERE id = ?').get(classId)) {
    throw new AdminError(400, 'unknown-class', wording('activity.unknownClass'));
  }
}

const notFound = () => new AdminError(404, 'activity-not-found', wording('activity.notFound'));
