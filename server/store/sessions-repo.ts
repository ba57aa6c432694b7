import { newAuthToken, newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import type { Player } from './players-repo.js';
import { prepared } from './prepared.js';

/** Where a session counts: an activity (activity code) or a bare game version (version code), contract C-8.1. */
export interface SessionScope {
  activityId: string | null;
  versionId: string;
}

export interface StartedSession {
  sessionId: number;
  authToken: string;
  number: number;
  gameplayId: string;
  firstSessionStarted: string;
  currentSessionStarted: string;
  newGameplay: boolean;
}

interface GameplayRow {
  id: string;
  sessions: number;
  firstStarted: string;
}

/**
 * Opens a session (an attempt) for a player in a scope: find or create the gameplay record, increment its count,
 * store the attempt with a fresh authToken (C-8.2, C-8.3). Call inside a write transaction so that concurrent
 * starts of one player get consecutive numbers and a failure keeps nothing.
 */
export function openSession(
  db: Db,
  scope: SessionScope,
  player: Player,
  options: { source?: 'rage' | 'xapi'; registration?: string | null } = {},
): StartedSession {
  const now = isoNow();
  const scopeId = scope.activityId ?? scope.versionId;
  let gameplay = prepared<[string, string], GameplayRow>(
    db,
    'SELECT id, sessions, first_started AS firstStarted FROM gameplays WHERE scope_id = ? AND player_id = ?',
  ).get(scopeId, player.id);
  const newGameplay = !gameplay;
  if (!gameplay) {
    gameplay = { id: newRowId(), sessions: 0, firstStarted: now };
    prepared(
      db,
      `INSERT INTO gameplays (id, scope_id, activity_id, version_id, player_id, sessions, first_started)
       VALUES (?, ?, ?, ?, ?, 0, ?)`,
    ).run(gameplay.id, scopeId, scope.activityId, scope.versionId, player.id, now);
  }
  const number = gameplay.sessions + 1;
  prepared(db, 'UPDATE gameplays SET sessions = ? WHERE id = ?').run(number, gameplay.id);
  const authToken = newAuthToken();
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO sessions (gameplay_id, activity_id, version_id, player_id, number, auth_token, source, registration, started, last_seen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    gameplay.id,
    scope.activityId,
    scope.versionId,
    player.id,
    number,
    authToken,
    options.source ?? 'rage',
    options.registration ?? null,
    now,
    now,
  );
  if (scope.activityId) {
    prepared(
      db,
      `UPDATE activities SET sessions = sessions + 1, players = players + ?, anonymous_players = anonymous_players + ?,
         last_seen = ? WHERE id = ?`,
    ).run(newGameplay ? 1 : 0, newGameplay && player.kind === 'anonymous' ? 1 : 0, now, scope.activityId);
  }
  prepared(db, 'UPDATE players SET last_seen = ? WHERE id = ?').run(now, player.id);
  return {
    sessionId: Number(lastInsertRowid),
    authToken,
    number,
    gameplayId: gameplay.id,
    firstSessionStarted: gameplay.firstStarted,
    currentSessionStarted: now,
    newGameplay,
  };
}

/** What track, end and the ingest writer need to know about a session, found by its authToken. */
export interface SessionContext {
  sessionId: number;
  number: number;
  started: string;
  ended: string | null;
  gameplayId: string;
  firstSessionStarted: string;
  activityId: string | null;
  versionId: string;
  playerId: string;
  playerKind: 'anonymous' | 'identified';
  studentId: string | null;
}

const CONTEXT_SELECT = `SELECT s.id AS sessionId, s.number, s.started, s.ended, s.gameplay_id AS gameplayId,
    gp.first_started AS firstSessionStarted, s.activity_id AS activityId, s.version_id AS versionId,
    s.player_id AS playerId, p.kind AS playerKind, p.student_id AS studentId
  FROM sessions s JOIN gameplays gp ON gp.id = s.gameplay_id JOIN players p ON p.id = s.player_id`;

export function findSessionByToken(db: Db, authToken: string): SessionContext | undefined {
  return prepared<[string], SessionContext>(db, `${CONTEXT_SELECT} WHERE s.auth_token = ?`).get(authToken);
}

export function findSessionById(db: Db, sessionId: number): SessionContext | undefined {
  return prepared<[number], SessionContext>(db, `${CONTEXT_SELECT} WHERE s.id = ?`).get(sessionId);
}

/** The game is alive (a refused or re-sent batch): its session and its player were both seen now. */
export function touchSession(db: Db, sessionId: number, now: string): void {
  prepared(db, 'UPDATE sessions SET last_seen = ? WHERE id = ?').run(now, sessionId);
  prepared(db, 'UPDATE players SET last_seen = ? WHERE id = (SELECT player_id FROM sessions WHERE id = ?)').run(now, sessionId);
}

export function endSession(db: Db, sessionId: number): void {
  const now = isoNow();
  prepared(db, 'UPDATE sessions SET ended = ?, last_seen = ? WHERE id = ?').run(now, now, sessionId);
}

export interface Attempt {
  number: number;
  authToken: string;
  start: string;
  end?: string;
}

export interface GameplayRecord {
  _id: string;
  playerId: string;
  playerName: string;
  playerType: 'anonymous' | 'identified';
  animalName: string;
  sessions: number;
  firstSessionStarted: string;
  attempts: Attempt[];
}

/** The original's gameplay document (contract C-7), as `end` answers it. */
export function getGameplayRecord(db: Db, gameplayId: string): GameplayRecord | undefined {
  const head = prepared<
    [string],
    { id: string; playerId: string; publicId: string; kind: 'anonymous' | 'identified'; animalName: string; sessions: number; firstStarted: string }
  >(
    db,
    `SELECT gp.id, gp.player_id AS playerId, p.public_id AS publicId, p.kind, p.animal_name AS animalName, gp.sessions,
       gp.first_started AS firstStarted
     FROM gameplays gp JOIN players p ON p.id = gp.player_id WHERE gp.id = ?`,
  ).get(gameplayId);
  if (!head) return undefined;
  const attempts = prepared<[string], { number: number; authToken: string; start: string; end: string | null }>(
    db,
    'SELECT number, auth_token AS authToken, started AS start, ended AS end FROM sessions WHERE gameplay_id = ? ORDER BY number',
  )
    .all(gameplayId)
    .map(({ end, ...attempt }) => (end ? { ...attempt, end } : attempt));
  return {
    _id: head.id,
    playerId: head.playerId,
    playerName: head.publicId,
    playerType: head.kind,
    animalName: head.animalName,
    sessions: head.sessions,
    firstSessionStarted: head.firstStarted,
    attempts,
  };
}
