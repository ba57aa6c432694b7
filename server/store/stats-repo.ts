import { listActivities } from './activities-repo.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export interface Stats {
  statements: number;
  sessions: number;
  players: { anonymous: number; identified: number };
  activities: Array<{ trackingCode: string; name: string; statements: number; sessions: number; players: number }>;
}

/** Totals from the maintained counters: never a scan of `statements`. */
export function readStats(db: Db): Stats {
  const totals = prepared<[], { statements: number | null; sessions: number }>(
    db,
    'SELECT sum(statements) AS statements, count(*) AS sessions FROM sessions',
  ).get() ?? { statements: 0, sessions: 0 };
  const players = { anonymous: 0, identified: 0 };
  for (const row of prepared<[], { kind: 'anonymous' | 'identified'; n: number }>(
    db,
    'SELECT kind, count(*) AS n FROM players GROUP BY kind',
  ).all()) {
    players[row.kind] = row.n;
  }
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
