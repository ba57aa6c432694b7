import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * SQL true for a players row (alias `p`) an xAPI game identified: its public id is derived from the actor
 * (isDerivedXapiPlayerId, 'xapi-…'), a range of the players' unique public-id index ('xapi.' sorts right after them).
 * Such a player is no roster student who logged in: the header, Activities, Players and `aula stats` count them apart.
 */
export const XAPI_PLAYER_SQL = `(p.public_id >= 'xapi-' AND p.public_id < 'xapi.')`;

export interface PlayerCounts {
  anonymous: number;
  /** Every player not anonymous: roster students who logged in and the xAPI players. */
  identified: number;
  /** Of the identified, the players an xAPI game identified (no roster student). */
  xapi: number;
}

/** The players by kind, from the players table (small beside the statements): the header's and `aula stats`'s. */
export function countPlayers(db: Db): PlayerCounts {
  const players = { anonymous: 0, identified: 0, xapi: 0 };
  for (const row of prepared<[], { kind: 'anonymous' | 'identified'; n: number; xapi: number }>(
    db,
    `SELECT p.kind, count(*) AS n, sum(${XAPI_PLAYER_SQL}) AS xapi FROM players p GROUP BY p.kind`,
  ).all()) {
    players[row.kind] = row.n;
    if (row.kind === 'identified') players.xapi = row.xapi;
  }
  return players;
}
