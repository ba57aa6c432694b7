import type { Db } from '../store/open-database.js';
import type { PlayerSummary } from './api-types.js';
import { playerKindParam } from './player-kind.js';
import { playerSearchParam } from './player-search.js';
import { cutAt, whenCut } from './read-past-limit.js';
import { readPlayers } from './read-players.js';

/** GET /players and /activities/:id/players: the most recently seen `limit` players, and whether there are others. */
export interface PlayersAnswer {
  players: PlayerSummary[];
  /**
   * Present (true) when more players match than the limit: the screen says it shows the most recent ones and the search
   * finds the rest. Absent otherwise, the answer as it was before.
   */
  more?: true;
}

/** The players matching `?q=` (a name or id) and `?kind=` (anonymous, identified or xapi), one more read to tell `more`. */
export function playersAnswer(db: Db, activityId: string | undefined, limit: number, query: { q?: unknown; kind?: unknown }): PlayersAnswer {
  const players = cutAt(readPlayers(db, activityId, limit + 1, playerSearchParam(query.q), playerKindParam(query.kind)), limit);
  return { players: players.rows, ...whenCut(players, 'more') };
}
