import type { Db } from '../store/open-database.js';
import { countPlayers } from '../store/player-counts.js';
import { prepared } from '../store/prepared.js';
import type { Overview } from './api-types.js';

/**
 * A session counts as live when it has not ended and its game sent something within this window: the Live screen's
 * "active" at its default "Idle after" (3 minutes), so the header, Activities and Live give one count. Trackers send
 * every few seconds while a game runs; a game silent for minutes has most likely been closed without an end.
 */
export const LIVE_WINDOW_MS = 3 * 60_000;

/** The header totals, from maintained counters and small tables: never a scan of `statements`. */
export function readOverview(db: Db, now: number): Overview {
  const sessions = prepared<[string], { statements: number | null; sessions: number; live: number | null }>(
    db,
    `SELECT sum(statements) AS statements, count(*) AS sessions,
       sum(ended IS NULL AND last_seen >= ?) AS live FROM sessions`,
  ).get(new Date(now - LIVE_WINDOW_MS).toISOString());
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
    liveSessions: sessions?.live ?? 0,
    players,
    activities: { total: activities?.total ?? 0, open: activities?.open ?? 0 },
    rejectedRequests: rejected?.n ?? 0,
  };
}
