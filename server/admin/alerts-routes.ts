import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { enabledRuleCount, ruleSettingsSchema } from '../rules/rule-settings.js';
import { getActivity } from '../store/activities-repo.js';
import { prepared } from '../store/prepared.js';
import { isoNow } from '../util/time.js';
import { AdminError } from './admin-error.js';
import { readActivityAlerts, readAlertCounts, readAlertsOfPlayer, readPlayerAlerts } from './alerts-read.js';
import { cutAt, whenCut } from './read-past-limit.js';
import { readPlayer } from './read-players.js';
import { intParam, parseBody } from './validate.js';

const acknowledgeBody = z.object({
  activity: z.string().min(1),
  /** A player's internal id; without it, every active alert of the activity. */
  player: z.string().min(1).optional(),
});

function requireActivity(ctx: AppContext, id: string) {
  const activity = getActivity(ctx.db, id);
  if (!activity) throw new AdminError(404, 'activity-not-found', 'There is no such activity.');
  return activity;
}

/** Alerts & Warnings and the rules that raise them (issue 10). Mounted inside the admin router. */
export function alertsRoutes(ctx: AppContext): express.Router {
  const engine = rulesEngineFor(ctx);
  const router = express.Router();

  router.get('/alerts/count', (_req, res) => sendJson(res, 200, readAlertCounts(ctx.db)));

  router.get('/alerts', (req, res) => {
    const activityId = typeof req.query.activity === 'string' ? req.query.activity : '';
    const activity = requireActivity(ctx, activityId);
    const playerId = typeof req.query.player === 'string' && req.query.player ? req.query.player : undefined;
    const rules = engine.rulesOf(activity.id);
    // ?limit= is the history's, read only with a player, as it always was.
    const limit = playerId ? intParam(req.query.limit, { min: 1, max: 500, fallback: 100 }) : 0;
    // One row past the limit tells whether the player's older alerts here were left out; `more` only then, else the
    // answer as it was.
    const history = playerId ? cutAt(readPlayerAlerts(ctx.db, activity.id, playerId, limit + 1), limit) : undefined;
    sendJson(res, 200, {
      activity: { id: activity.id, name: activity.name },
      rulesOn: enabledRuleCount(rules),
      students: readActivityAlerts(ctx.db, activity.id),
      ...(history ? { history: history.rows, ...whenCut(history, 'more') } : {}),
    });
  });

  // A player's page: their alerts in every activity, with when and whether acknowledged (an addition; /alerts is per activity).
  router.get('/players/:id/alerts', (req, res) => {
    const player = readPlayer(ctx.db, String(req.params.id));
    if (!player) throw new AdminError(404, 'player-not-found', 'There is no such player.');
    const limit = intParam(req.query.limit, { min: 1, max: 500, fallback: 100 });
    // One row past the limit tells whether older alerts were left out; `more` only then, else the answer as it was.
    const alerts = cutAt(readAlertsOfPlayer(ctx.db, player.player.id, limit + 1), limit);
    sendJson(res, 200, { alerts: alerts.rows, ...whenCut(alerts, 'more') });
  });

  router.post('/alerts/:id/acknowledge', async (req, res) => {
    const id = intParam(req.params.id, { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const row = await ctx.writer.run((db) => {
      const found = prepared<[number], { activityId: string; sessionId: number; key: string; acknowledged: string | null }>(
        db,
        'SELECT activity_id AS activityId, session_id AS sessionId, rule_key AS key, acknowledged FROM alerts WHERE id = ?',
      ).get(id);
      if (found && !found.acknowledged) prepared(db, 'UPDATE alerts SET acknowledged = ? WHERE id = ?').run(isoNow(ctx.now), id);
      return found;
    });
    if (!row) throw new AdminError(404, 'alert-not-found', 'There is no such alert.');
    engine.acknowledged(row.sessionId, row.key);
    ctx.bus.emit('alerts.changed', { activityId: row.activityId });
    sendJson(res, 200, { acknowledged: 1 });
  });

  router.post('/alerts/acknowledge', async (req, res) => {
    const body = parseBody(acknowledgeBody, req.body);
    requireActivity(ctx, body.activity);
    const rows = await ctx.writer.run((db) => {
      const active = prepared<[{ activity: string; player: string | null }], { id: number; sessionId: number; key: string }>(
        db,
        `SELECT id, session_id AS sessionId, rule_key AS key FROM alerts
         WHERE activity_id = @activity AND (@player IS NULL OR player_id = @player) AND cleared IS NULL AND acknowledged IS NULL`,
      ).all({ activity: body.activity, player: body.player ?? null });
      const update = prepared(db, 'UPDATE alerts SET acknowledged = ? WHERE id = ?');
      const now = isoNow(ctx.now);
      for (const row of active) update.run(now, row.id);
      return active;
    });
    for (const row of rows) engine.acknowledged(row.sessionId, row.key);
    ctx.bus.emit('alerts.changed', { activityId: body.activity });
    sendJson(res, 200, { acknowledged: rows.length });
  });

  router.get('/activities/:id/rules', (req, res) => {
    const activity = requireActivity(ctx, String(req.params.id));
    sendJson(res, 200, { activityId: activity.id, rules: engine.rulesOf(activity.id) });
  });

  router.put('/activities/:id/rules', async (req, res) => {
    const activity = requireActivity(ctx, String(req.params.id));
    const rules = parseBody(ruleSettingsSchema, req.body);
    const ids = rules.custom.map((rule) => rule.id);
    if (new Set(ids).size !== ids.length) throw new AdminError(400, 'invalid-request', 'custom: two rules have the same id.');
    await ctx.writer.run((db) => prepared(db, 'UPDATE activities SET rules = ? WHERE id = ?').run(JSON.stringify(rules), activity.id));
    ctx.bus.emit('activity.changed', { activityId: activity.id });
    sendJson(res, 200, { activityId: activity.id, rules: engine.rulesOf(activity.id) });
  });

  return router;
}
