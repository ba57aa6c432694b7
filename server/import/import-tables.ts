import { wording } from '../i18n/wording.js';
import { newUniqueTrackingCode } from '../store/games-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { createXapiCredential } from '../store/xapi-credentials-repo.js';
import { newAuthToken } from '../util/random-ids.js';
import type { BundleRows } from './bundle-rows.js';
import { type Origin, originId, sessionOrigin } from './import-origin.js';
import { addNote, type ImportReport } from './import-report.js';
import { bundleRules, mergeRules } from './import-rules.js';
import type { Touched } from './recount.js';

/** Bundle ids → ids here. Rows keep their ids when they are new; only sessions (integer rowids) always map. */
export interface IdMaps {
  activities: Map<string, string>;
  players: Map<string, string>;
  sessions: Map<number, number>;
  /** Bundle rows of what was erased here (`aula player erase`), left out with everything that belongs to them. */
  erased: { players: Set<string>; gameplays: Set<string>; sessions: Set<number> };
}

export const ERASED = wording('importNote.erased');

type One = { id: string } | undefined;

/**
 * Merges the bundle's tables (one write transaction; they are small next to the statements). Stable ids first:
 * a row whose id exists here is the same row; then the natural keys (class name, game title, playerId, a gameplay's
 * scope and player, a session's gameplay and number). Tracking codes taken here are regenerated and reported.
 */
export function importTables(db: Db, rows: BundleRows, report: ImportReport, touched: Touched, origin: Origin | null): IdMaps {
  const found = (sql: string, ...params: unknown[]) => (prepared(db, sql).get(...params) as One)?.id;
  const classes = new Map<string, string>();
  const games = new Map<string, string>();
  const versions = new Map<string, string>();
  const gameplays = new Map<string, string>();
  const maps: IdMaps = { activities: new Map(), players: new Map(), sessions: new Map(), erased: { players: new Set(), gameplays: new Set(), sessions: new Set() } };
  const codeTaken = (code: string) => found('SELECT id FROM activities WHERE tracking_code = ? UNION ALL SELECT id FROM versions WHERE tracking_code = ?', code, code) !== undefined;

  for (const row of rows.classes) {
    const local = found('SELECT id FROM classes WHERE id = ?', row.id) ?? found('SELECT id FROM classes WHERE name = ?', row.name);
    if (local) {
      report.alreadyThere.classes++;
      if (local !== row.id) addNote(report, { kind: 'classes', id: row.id, type: 'matched', message: wording('importNote.mergedClass', { name: row.name }) });
    } else {
      prepared(db, 'INSERT INTO classes (id, name, created) VALUES (?, ?, ?)').run(row.id, row.name, row.created);
      report.added.classes++;
    }
    classes.set(row.id, local ?? row.id);
  }

  for (const row of rows.games) {
    const local = found('SELECT id FROM games WHERE id = ?', row.id) ?? found('SELECT id FROM games WHERE title = ?', row.title);
    if (local) {
      report.alreadyThere.games++;
      if (local !== row.id) addNote(report, { kind: 'games', id: row.id, type: 'matched', message: wording('importNote.mergedGame', { title: row.title }) });
    } else {
      prepared(db, 'INSERT INTO games (id, title, created) VALUES (?, ?, ?)').run(row.id, row.title, row.created);
      report.added.games++;
    }
    games.set(row.id, local ?? row.id);
  }

  for (const row of rows.versions) {
    const gameId = games.get(row.game_id);
    if (found('SELECT id FROM versions WHERE id = ?', row.id)) {
      report.alreadyThere.versions++;
    } else if (!gameId) {
      addNote(report, { kind: 'versions', id: row.id, type: 'skipped', message: wording('importNote.versionNoGame') });
      continue;
    } else {
      const code = codeTaken(row.tracking_code) ? newUniqueTrackingCode(db) : row.tracking_code;
      if (code !== row.tracking_code) {
        addNote(report, { kind: 'versions', id: row.id, type: 'code-changed', message: wording('importNote.versionCodeChanged', { code: row.tracking_code, newCode: code }) });
      }
      prepared(db, 'INSERT INTO versions (id, game_id, tracking_code, link, created) VALUES (?, ?, ?, ?, ?)').run(row.id, gameId, code, row.link, row.created);
      report.added.versions++;
    }
    versions.set(row.id, row.id);
  }

  for (const row of rows.activities) {
    const rules = bundleRules(row, report);
    if (found('SELECT id FROM activities WHERE id = ?', row.id)) {
      report.alreadyThere.activities++;
      maps.activities.set(row.id, row.id);
      if (mergeRules(db, row, rules, report)) touched.activities.add(row.id);
      continue;
    }
    const gameId = games.get(row.game_id);
    const versionId = versions.get(row.version_id);
    if (!gameId || !versionId) {
      addNote(report, { kind: 'activities', id: row.id, type: 'skipped', message: wording('importNote.activityNoGame', { name: row.name }) });
      continue;
    }
    const code = codeTaken(row.tracking_code) ? newUniqueTrackingCode(db) : row.tracking_code;
    if (code !== row.tracking_code) {
      addNote(report, { kind: 'activities', id: row.id, type: 'code-changed', message: wording('importNote.activityCodeChanged', { name: row.name, code: row.tracking_code, newCode: code }) });
    }
    prepared(
      db,
      `INSERT INTO activities (id, name, game_id, version_id, class_id, tracking_code, allow_anonymous, open, created, opened, closed, rules)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.name,
      gameId,
      versionId,
      row.class_id ? (classes.get(row.class_id) ?? null) : null,
      code,
      row.allow_anonymous,
      row.open,
      row.created,
      row.opened,
      row.closed,
      rules,
    );
    // Like every activity here, it gets its own xAPI key and secret (xapi.md ); the bundle carries none.
    createXapiCredential(db, row.id, row.name);
    report.added.activities++;
    maps.activities.set(row.id, row.id);
    touched.activities.add(row.id);
  }

  const erased = (kind: 'player' | 'gameplay', id: string) => found('SELECT id FROM erased_ids WHERE kind = ? AND id = ?', kind, id) !== undefined;
  for (const row of rows.players) {
    if (erased('player', row.id)) {
      maps.erased.players.add(row.id);
      addNote(report, { kind: 'players', id: row.id, type: 'skipped', message: ERASED });
      continue;
    }
    const byId = found('SELECT id FROM players WHERE id = ?', row.id);
    const local = byId ?? found('SELECT id FROM players WHERE public_id = ?', row.public_id);
    if (local) {
      report.alreadyThere.players++;
      if (!byId) addNote(report, { kind: 'players', id: row.id, type: 'matched', message: wording('importNote.mergedPlayer', { player: row.public_id }) });
    } else {
      // A student of this roster with that username plays as this player from now on (one player per student).
      const student =
        row.kind === 'identified'
          ? found('SELECT s.id FROM students s WHERE s.username = ? AND NOT EXISTS (SELECT 1 FROM players p WHERE p.student_id = s.id)', row.public_id)
          : undefined;
      prepared(db, 'INSERT INTO players (id, public_id, kind, animal_name, student_id, created, xapi_name) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        row.id,
        row.public_id,
        row.kind,
        row.animal_name,
        student ?? null,
        row.created,
        row.xapi_name,
      );
      report.added.players++;
    }
    maps.players.set(row.id, local ?? row.id);
  }

  for (const row of rows.gameplays) {
    if (maps.erased.players.has(row.player_id) || erased('gameplay', row.id)) {
      maps.erased.gameplays.add(row.id);
      addNote(report, { kind: 'gameplays', id: row.id, type: 'skipped', message: ERASED });
      continue;
    }
    const playerId = maps.players.get(row.player_id);
    const activityId = row.activity_id === null ? null : maps.activities.get(row.activity_id);
    const versionId = versions.get(row.version_id);
    if (!playerId || activityId === undefined || !versionId) {
      addNote(report, { kind: 'gameplays', id: row.id, type: 'skipped', message: wording('importNote.gameplayMissing') });
      continue;
    }
    const scopeId = activityId ?? versionId;
    const byId = found('SELECT id FROM gameplays WHERE id = ?', row.id);
    const local = byId ?? found('SELECT id FROM gameplays WHERE scope_id = ? AND player_id = ?', scopeId, playerId);
    if (local) {
      report.alreadyThere.gameplays++;
      prepared(db, 'UPDATE gameplays SET first_started = min(first_started, ?) WHERE id = ?').run(row.first_started, local);
    } else {
      prepared(
        db,
        `INSERT INTO gameplays (id, scope_id, activity_id, version_id, player_id, sessions, first_started)
         VALUES (?, ?, ?, ?, ?, 0, ?)`,
      ).run(row.id, scopeId, activityId, versionId, playerId, row.first_started);
      report.added.gameplays++;
      if (activityId) touched.activities.add(activityId);
    }
    gameplays.set(row.id, local ?? row.id);
  }

  const versionGames = new Map(rows.versions.map((version) => [version.id, version.game_id]));
  for (const row of rows.sessions) {
    if (maps.erased.gameplays.has(row.gameplay_id)) {
      maps.erased.sessions.add(row.id);
      addNote(report, { kind: 'sessions', id: String(row.id), type: 'skipped', message: ERASED });
      continue;
    }
    const gameplayId = gameplays.get(row.gameplay_id);
    const playerId = maps.players.get(row.player_id);
    const versionId = versions.get(row.version_id);
    if (!gameplayId || !playerId || !versionId) {
      addNote(report, { kind: 'sessions', id: String(row.id), type: 'skipped', message: wording('importNote.sessionMissing') });
      continue;
    }
    const sameNumber = prepared(db, 'SELECT id, started FROM sessions WHERE gameplay_id = ? AND number = ?').get(gameplayId, row.number) as
      | { id: number; started: string }
      | undefined;
    // The same attempt: same gameplay, number and start. A different attempt under that number was played here too.
    const same =
      sameNumber?.started === row.started
        ? sameNumber.id
        : (prepared(db, 'SELECT id FROM sessions WHERE gameplay_id = ? AND started = ?').get(gameplayId, row.started) as { id: number } | undefined)?.id;
    if (same !== undefined) {
      report.alreadyThere.sessions++;
      maps.sessions.set(row.id, same);
      continue;
    }
    let number = row.number;
    if (sameNumber) {
      number = ((prepared(db, 'SELECT max(number) AS n FROM sessions WHERE gameplay_id = ?').get(gameplayId) as { n: number }).n ?? 0) + 1;
      addNote(report, { kind: 'sessions', id: String(row.id), type: 'renumbered', message: wording('importNote.renumbered', { number: row.number, newNumber: number }) });
    }
    const activityId = row.activity_id === null ? null : (maps.activities.get(row.activity_id) ?? null);
    const { lastInsertRowid } = prepared(
      db,
      `INSERT INTO sessions (gameplay_id, activity_id, version_id, player_id, number, auth_token, source, registration, started, ended,
         last_seen, statements, last_verb, last_object, progress, completion, success, score,
         last_object_type, progress_of_game, result_object, result_object_type, result_of_game, origin_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      gameplayId,
      activityId,
      versionId,
      playerId,
      number,
      // The bundle carries no authTokens: the imported attempt gets a fresh one that no game knows.
      newAuthToken(),
      row.source,
      row.registration,
      row.started,
      row.ended,
      row.last_seen,
      row.last_verb,
      row.last_object,
      row.progress,
      row.completion,
      row.success,
      row.score,
      row.last_object_type,
      row.progress_of_game,
      row.result_object,
      row.result_object_type,
      row.result_of_game,
      // Its statements are exported and uploaded as the laptop that collected them did (statement-origin.ts).
      originId(db, sessionOrigin(row, origin, versionGames.get(row.version_id))),
    );
    const id = Number(lastInsertRowid);
    maps.sessions.set(row.id, id);
    report.added.sessions++;
    touched.sessions.add(id);
    touched.gameplays.add(gameplayId);
    touched.players.add(playerId);
    if (activityId) touched.activities.add(activityId);
  }
  return maps;
}
