import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { readActivityResults } from '../results/read-results.js';
import { resultsCsv } from '../results/results-csv.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { getActivity } from '../store/activities-repo.js';
import { AdminError } from './admin-error.js';

/** Per-student results of an activity, as JSON for the screen and CSV for a spreadsheet (issue 10). */
export function resultsRoutes(ctx: AppContext): express.Router {
  const engine = rulesEngineFor(ctx);
  const router = express.Router();

  const load = async (id: string) => {
    const activity = getActivity(ctx.db, id);
    if (!activity) throw new AdminError(404, 'activity-not-found', wording('activity.noSuch'));
    // Results gathered in the last moments are written first, so what is shown includes every stored statement.
    await engine.flush();
    return readActivityResults(ctx.db, { id: activity.id, name: activity.name, classId: activity.classId });
  };

  router.get('/activities/:id/results.csv', async (req, res) => {
    const results = await load(String(req.params.id));
    const name = results.activity.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'activity';
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="results-${name}.csv"`);
    res.end(resultsCsv(results));
  });

  router.get('/activities/:id/results', async (req, res) => {
    sendJson(res, 200, await load(String(req.params.id)));
  });

  return router;
}
