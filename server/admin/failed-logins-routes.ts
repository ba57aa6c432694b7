import express from 'express';
import type { AppContext } from '../context.js';
import { clearedKey } from '../diagnostics/read-diagnostics.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { getClass } from '../store/classes-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getSetting } from '../store/settings-repo.js';
import { isoAt } from '../util/time.js';
import { AdminError } from './admin-error.js';
import type { FailedLogin } from './api-types.js';
import { readClassStudents } from './classes-read.js';

/** As Diagnostics: a failed login older than this is history, not why a student is missing from this lesson. */
const WINDOW_MS = 60 * 60_000;

/**
 * The class's students whose login failed in the last hour, and not cleared on Diagnostics since: Live's "Not started
 * yet" names them first, as the ones to go to. Diagnostics records a failed login with the roster username it was for.
 */
export function readFailedLogins(db: Db, classId: string, now: number): FailedLogin[] {
  const usernames = new Set(readClassStudents(db, classId).map((student) => student.username));
  if (usernames.size === 0) return [];
  const clearedUpTo = Number(getSetting(db, clearedKey('login-failed')) || 0);
  return prepared<[string, number], FailedLogin>(
    db,
    `SELECT sample AS username, max(time) AS last, sum(repeats + 1) AS count FROM rejected_requests
     WHERE route = 'login' AND sample IS NOT NULL AND time > ? AND id > ? GROUP BY sample ORDER BY last DESC`,
  )
    .all(isoAt(now - WINDOW_MS), clearedUpTo)
    .filter((row) => usernames.has(row.username));
}

/** GET /classes/:id/failed-logins (an addition beside GET /classes/:id/students), with serverTime as Live's sessions have it. */
export function failedLoginsRoutes(ctx: AppContext): express.Router {
  const router = express.Router();
  router.get('/classes/:id/failed-logins', (req, res) => {
    const found = getClass(ctx.db, String(req.params.id));
    if (!found) throw new AdminError(404, 'class-not-found', wording('class.notFound'));
    const now = ctx.now();
    // serverTime: "failed 3 min ago" is counted on the laptop's clock, not a tablet's that may be minutes off.
    sendJson(res, 200, { serverTime: new Date(now).toISOString(), failedLogins: readFailedLogins(ctx.db, found.id, now) });
  });
  return router;
}
