import { newRowId, newTrackingCode } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export interface GameVersion {
  gameId: string;
  gameTitle: string;
  versionId: string;
  trackingCode: string;
  link: string | null;
}

interface VersionRow {
  gameId: string;
  gameTitle: string;
  versionId: string;
  trackingCode: string;
  link: string | null;
}

const VERSION_SELECT = `SELECT g.id AS gameId, g.title AS gameTitle, v.id AS versionId, v.tracking_code AS trackingCode, v.link AS link
  FROM versions v JOIN games g ON g.id = v.game_id`;

/** Codes are unique across activities and game versions together (contract C-8.1). */
export function newUniqueTrackingCode(db: Db): string {
  const taken = prepared<[string, string], { one: number }>(
    db,
    'SELECT 1 AS one FROM activities WHERE tracking_code = ? UNION ALL SELECT 1 FROM versions WHERE tracking_code = ?',
  );
  for (;;) {
    const code = newTrackingCode();
    if (!taken.get(code, code)) return code;
  }
}

/** The game with this title (case-insensitive) and its version, created on first use. */
export function findOrCreateGame(db: Db, title: string): GameVersion {
  const existing = prepared<[string], VersionRow>(db, `${VERSION_SELECT} WHERE g.title = ? ORDER BY v.created LIMIT 1`).get(
    title,
  );
  if (existing) return existing;
  const now = isoNow();
  const gameId = newRowId();
  const versionId = newRowId();
  const trackingCode = newUniqueTrackingCode(db);
  prepared(db, 'INSERT INTO games (id, title, created) VALUES (?, ?, ?)').run(gameId, title, now);
  prepared(db, 'INSERT INTO versions (id, game_id, tracking_code, created) VALUES (?, ?, ?, ?)').run(
    versionId,
    gameId,
    trackingCode,
    now,
  );
  return { gameId, gameTitle: title, versionId, trackingCode, link: null };
}

export function findVersionByCode(db: Db, code: string): GameVersion | undefined {
  return prepared<[string], VersionRow>(db, `${VERSION_SELECT} WHERE v.tracking_code = ?`).get(code);
}

export function findVersion(db: Db, versionId: string): GameVersion | undefined {
  return prepared<[string], VersionRow>(db, `${VERSION_SELECT} WHERE v.id = ?`).get(versionId);
}

export function listGames(db: Db): GameVersion[] {
  return prepared<[], VersionRow>(db, `${VERSION_SELECT} ORDER BY g.title`).all();
}
