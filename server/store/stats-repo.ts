import { listActivities } from './activities-repo.js';
import type { Db } from './open-database.js';
import { countPlayers, type PlayerCounts } from './player-counts.js';
import { prepared } from './prepared.js';

export interface Stats {
  statements: number;
  sessions: number;
  players: PlayerCounts;
  activities: Array<{ trackingCode: string; name: string; statements: number; sessions: number; players: number }>;
}

/** Totals from the maintained counters: never a scan of `statements`. */
export function readStats(db: Db): Stats {
  const totals = prepared<[], { statements: number | null; sessions: number }>(
    db,
    'SELECT sum(statements) AS statements, count(*) AS sessions FROM sessions',
  ).get() ?? { statements: 0, sessions: 0 };
  const players = countPlayers(db);
  return {
    statements: totals.statements ?? 0,
    sessions: totals.sessions,
    players,
    activities: listActivities(db).map(({ trackingCode, name, statements, sessions, players: count }) => ({
      trackingCode,
      name,
      statements,
      sessions,
      players: count,
    })),
  };
}
