import express, { type Response } from 'express';
import { normalizeUsername } from '../auth/credential-rules.js';
import type { AppContext } from '../context.js';
import { writeAccessReport, writeStudentAccessReport } from '../export/access-report.js';
import { sendJson } from '../http/send.js';
import { wording } from '../i18n/wording.js';
import { findStudentByUsername } from '../store/students-repo.js';
import { writeDrained } from '../util/drained.js';
import { AdminError } from './admin-error.js';
import { readPlayerActivities } from './player-activities.js';
import { playersAnswer } from './players-answer.js';
import { cutAt, whenCut } from './read-past-limit.js';
import { readPlayer } from './read-players.js';
import { readPlayerSessions } from './read-sessions.js';
import { readStatements } from './read-statements.js';
import { intParam } from './validate.js';

/** A player's page lists their most recent sessions, this many. */
const PLAYER_SESSIONS = 200;

/** Players: everyone who played, and one player's sessions and statement timeline; access requests, a roster student's too. */
export function playerRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/players', (req, res) => {
    const limit = intParam(req.query.limit, { min: 1, max: 5000, fallback: 1000 });
    // ?q=: the players whose shown name contains it, ?kind=: of that kind, among everyone, not only the newest `limit`.
    sendJson(res, 200, playersAnswer(ctx.db, undefined, limit, req.query));
  });

  router.get('/players/:id', async (req, res) => {
    const playerId = String(req.params.id);
    const player = readPlayer(ctx.db, playerId);
    if (!player) throw new AdminError(404, 'player-not-found', wording('player.notFound'));
    const timelineLimit = intParam(req.query.limit, { min: 1, max: 500, fallback: 100 });
    // One row past each limit tells whether older ones were left out: a student who played all term has more.
    const sessionList = cutAt(readPlayerSessions(ctx.db, playerId, PLAYER_SESSIONS + 1), PLAYER_SESSIONS);
    const timeline = cutAt(await readStatements(ctx.db, { playerId, limit: timelineLimit + 1 }), timelineLimit);
    sendJson(res, 200, {
      ...player,
      sessionList: sessionList.rows,
      timeline: timeline.rows,
      // Every activity the player has sessions in, not only the listed sessions': where their data can be erased.
      activities: readPlayerActivities(ctx.db, playerId),
      // Only when cut: otherwise the answer is as it always was.
      ...whenCut(sessionList, 'moreSessions'),
      ...whenCut(timeline, 'moreStatements'),
    });
  });

  // An access request (GDPR art. 15), as `aula player access`: everything Aula holds about the player, one JSON file.
  router.get('/players/:id/access', async (req, res) => {
    const playerId = String(req.params.id);
    const player = readPlayer(ctx.db, playerId);
    if (!player) throw new AdminError(404, 'player-not-found', wording('player.notFound'));
    await sendAccessReport(ctx, res, player.publicId, (write) => writeAccessReport(ctx.db, playerId, write));
  });

  // The same for a student on the roster (the Classes screen's row), played or not: one who never played has no
  // player page, and their answer (the roster record, and that Aula holds no play data) was the CLI's alone.
  router.get('/students/:username/access', async (req, res) => {
    const username = normalizeUsername(String(req.params.username));
    if (!findStudentByUsername(ctx.db, username)) throw new AdminError(404, 'student-not-found', wording('player.noStudent', { username }));
    await sendAccessReport(ctx, res, username, (write) => writeStudentAccessReport(ctx.db, username, write));
  });

  return router;
}

/** The answer as a download, aula-access-<who>.json, written as it is read (access-report.ts). */
async function sendAccessReport(
  ctx: AppContext,
  res: Response,
  who: string,
  writeReport: (write: (text: string) => Promise<void>) => Promise<unknown>,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="aula-access-${who.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`,
    'Cache-Control': 'no-store',
  });
  try {
    await writeReport((text) => writeDrained(res, text, 'the browser closed the download'));
    res.end();
  } catch (error) {
    // The headers are out: a cut is the only signal left that the file is incomplete.
    ctx.log.warn({ err: error }, 'access report download stopped');
    res.destroy();
  }
}
