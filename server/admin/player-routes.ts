import express from 'express';
import type { AppContext } from '../context.js';
import { writeAccessReport } from '../export/access-report.js';
import { sendJson } from '../http/send.js';
import { writeDrained } from '../util/drained.js';
import { AdminError } from './admin-error.js';
import { readPlayer, readPlayers } from './read-players.js';
import { readPlayerSessions } from './read-sessions.js';
import { readStatements } from './read-statements.js';
import { intParam } from './validate.js';

/** Players: everyone who played, and one player's sessions and statement timeline. */
export function playerRoutes(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/players', (req, res) => {
    const limit = intParam(req.query.limit, { min: 1, max: 5000, fallback: 1000 });
    sendJson(res, 200, { players: readPlayers(ctx.db, undefined, limit) });
  });

  router.get('/players/:id', async (req, res) => {
    const playerId = String(req.params.id);
    const player = readPlayer(ctx.db, playerId);
    if (!player) throw new AdminError(404, 'player-not-found', 'There is no such player.');
    sendJson(res, 200, {
      ...player,
      sessionList: readPlayerSessions(ctx.db, playerId, 200),
      timeline: await readStatements(ctx.db, { playerId, limit: intParam(req.query.limit, { min: 1, max: 500, fallback: 100 }) }),
    });
  });

  // An access request (GDPR art. 15), as `aula player access`: everything Aula holds about the player, one JSON file.
  router.get('/players/:id/access', async (req, res) => {
    const playerId = String(req.params.id);
    const player = readPlayer(ctx.db, playerId);
    if (!player) throw new AdminError(404, 'player-not-found', 'There is no such player.');
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="aula-access-${player.publicId.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`,
      'Cache-Control': 'no-store',
    });
    try {
      await writeAccessReport(ctx.db, playerId, (text) => writeDrained(res, text, 'the browser closed the download'));
      res.end();
    } catch (error) {
      // The headers are out: a cut is the only signal left that the file is incomplete.
      ctx.log.warn({ err: error }, 'access report download stopped');
      res.destroy();
    }
  });

  return router;
}
