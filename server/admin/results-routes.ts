import express from 'express';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { readLessonResults } from '../results/read-lesson-results.js';
import { readActivityResults } from '../results/read-results.js';
import { resultsCsv } from '../results/results-csv.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { getActivity } from '../store/activities-repo.js';
import { AdminError } from './admin-error.js';
import { lessonParam } from './results-lesson-param.js';

/**
 * Per-student results of an activity, as JSON for the screen and CSV for a spreadsheet (issue 10): of every lesson, or
 * with `?lesson=current` of this one (since the activity was last opened again), which the answer names.
 */
export function resultsRoutes(ctx: AppContext): express.Router {
  const engine = rulesEngineFor(ctx);
  const router = express.Router();

  const load = async (id: string, lessonValue: unknown) => {
    // A bad value is refused before anything is read or flushed.
    const lesson = lessonParam(lessonValue);
    const activity = getActivity(ctx.db, id);
    if (!activity) throw new AdminError(404, 'activity-not-found', wording('activity.noSuch'));
    // Results gathered in the last moments are written first, so what is shown includes every stored statement.
    await engine.flush();
    if (lesson === 'current') return readLessonResults(ctx.db, activity);
    return readActivityResults(ctx.db, { id: activity.id, name: activity.name, classId: activity.classId });
  };

  router.get('/activities/:id/results.csv', async (req, res) => {
    const results = await load(String(req.params.id), req.query.lesson);
    const name = results.activity.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'activity';
    const since = results.lesson?.since;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="results-${name}${since ? `-lesson-${localDay(since)}` : ''}.csv"`);
    // Which cut the file holds, as the JSON's `lesson` says it; the columns stay those of every other results file.
    if (results.lesson) res.setHeader('Aula-Lesson', since ? `since=${since}` : 'whole-history');
    res.end(resultsCsv(results));
  });

  router.get('/activities/:id/results', async (req, res) => {
    sendJson(res, 200, await load(String(req.params.id), req.query.lesson));
  });

  return router;
}

/** The laptop's day of an ISO time (2026-11-28), for the file's name: the day the teacher knows the lesson by. */
function localDay(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
