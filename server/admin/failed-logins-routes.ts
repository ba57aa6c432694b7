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
import type { FailedLogin, LoggedInAfterFailing } from './api-types.js';
import { readClassStudents } from './classes-read.js';

/** As Diagnostics: a failed login older than this is history, not why a student is missing from this lesson. */
const WINDOW_MS = 60 * 60_000;

export interface ClassLogins {
  failedLogins: FailedLogin[];
  loggedInAfterFailing: LoggedInAfterFailing[];
}

/**
 * The class's students whose login failed in the last hour, and not cleared on Diagnostics since: Live's "Not started
 * yet" names them first, as the ones to go to. Diagnostics records a failed login with the roster username it was for.
 * A student who logged in after them (the teacher reset the password) is no longer a failed login: they are listed as
 * logged in since, until they fail again (rejected_requests.logged_in_after, marked by the login).
 */
export function readClassLogins(db: Db, classId: string, now: number): ClassLogins {
  const usernames = new Set(readClassStudents(db, classId).map((student) => student.username));
  if (usernames.size === 0) return { failedLogins: [], loggedInAfterFailing: [] };
  const clearedUpTo = Number(getSetting(db, clearedKey('login-failed')) || 0);
  const rows = prepared<[string, number], { username: string; last: string | null; count: number; at: string | null; failed: number }>(
    db,
    `SELECT sample AS username,
       max(CASE WHEN logged_in_after IS NULL THEN time END) AS last,
       sum(CASE WHEN logged_in_after IS NULL THEN repeats + 1 ELSE 0 END) AS count,
       max(logged_in_after) AS at,
       sum(CASE WHEN logged_in_after IS NULL THEN 0 ELSE repeats + 1 END) AS failed
     FROM rejected_requests
     WHERE route = 'login' AND sample IS NOT NULL AND time > ? AND id > ? GROUP BY sample`,
  )
    .all(isoAt(now - WINDOW_MS), clearedUpTo)
    .filter((row) => usernames.has(row.username));
  const failedLogins = rows
    .flatMap((row) => (row.last === null ? [] : [{ username: row.username, last: row.last, count: row.count }]))
    .sort((a, b) => b.last.localeCompare(a.last));
  const loggedInAfterFailing = rows
    .flatMap((row) => (row.last === null && row.at !== null ? [{ username: row.username, at: row.at, failed: row.failed }] : []))
    .sort((a, b) => b.at.localeCompare(a.at));
  return { failedLogins, loggedInAfterFailing };
}

/**
 * GET /classes/:id/failed-logins (an addition beside GET /classes/:id/students), with serverTime as Live's sessions have
 * it; `loggedInAfterFailing` (an addition) lists those who logged in since.
 */
export function failedLoginsRoutes(ctx: AppContext): express.Router {
  const router = express.Router();
  router.get('/classes/:id/failed-logins', (req, res) => {
    const found = getClass(ctx.db, String(req.params.id));
    if (!found) throw new AdminError(404, 'class-not-found', wording('class.notFound'));
    const now = ctx.now();
    // serverTime: "failed 3 min ago" is counted on the laptop's clock, not a tablet's that may be minutes off.
    sendJson(res, 200, { serverTime: new Date(now).toISOString(), ...readClassLogins(ctx.db, found.id, now) });
  });
  return router;
}
