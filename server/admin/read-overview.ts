import type { AppContext } from '../context.js';
import { countPlayers } from '../store/player-counts.js';
import { prepared } from '../store/prepared.js';
import type { Overview } from './api-types.js';
import { liveSessionTotal } from './live-counts.js';

/**
 * The header totals, from maintained counters and small tables: never a scan of `statements`. A session is live as Live
 * shows it active: not ended, its game silent for less than its activity's idle threshold (live-counts.ts).
 */
export function readOverview(ctx: AppContext, now: number): Overview {
  const { db } = ctx;
  const sessions = prepared<[], { statements: number | null; sessions: number }>(
    db,
    'SELECT sum(statements) AS statements, count(*) AS sessions FROM sessions',
  ).get();
  const players = countPlayers(db);
  const activities = prepared<[], { total: number; open: number | null }>(
    db,
    'SELECT count(*) AS total, sum(open) AS open FROM activities',
  ).get();
  const rejected = prepared<[], { n: number }>(db, 'SELECT count(*) + coalesce(sum(repeats), 0) AS n FROM rejected_requests').get();
  return {
    serverTime: new Date(now).toISOString(),
    statements: sessions?.statements ?? 0,
    sessions: sessions?.sessions ?? 0,
    liveSessions: liveSessionTotal(ctx, now),
    players,
    activities: { total: activities?.total ?? 0, open: activities?.open ?? 0 },
    rejectedRequests: rejected?.n ?? 0,
  };
}
