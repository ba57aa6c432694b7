import type { Db } from '../store/open-database.js';
import type { ExportFilters } from './filters.js';

/**
 * The bundle's tables (everything import needs to recreate the statements' context), restricted to what the exported
 * statements refer to when filters select some of them. Secrets stay out: no auth tokens, no student password hashes or emails. Activities carry their
 * rules (`rules`: the settings object, or null).
 */
export const BUNDLE_TABLES = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions'] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const COLUMNS: Record<BundleTable, string> = {
  classes: 'id, name, created',
  games: 'id, title, created',
  versions: 'id, game_id, tracking_code, link, created',
  activities: 'id, name, game_id, version_id, class_id, tracking_code, allow_anonymous, open, created, opened, closed, rules',
  players: 'id, public_id, kind, animal_name, created, xapi_name',
  gameplays: 'id, scope_id, activity_id, version_id, player_id, first_started',
  // origin_*: the Aula that collected the session, when it was imported (migration 11); writeBundle names this one.
  // The game's id there is this session's version's game here unless an import merged that game with another.
  sessions: `id, gameplay_id, activity_id, version_id, player_id, number, source, registration, started, ended, last_seen, last_verb,
    last_object, progress, completion, success, score,
    last_object_type, progress_of_game, result_object, result_object_type, result_of_game,
    (SELECT home_page FROM origins o WHERE o.id = sessions.origin_id) AS origin_home_page,
    (SELECT namespace FROM origins o WHERE o.id = sessions.origin_id) AS origin_namespace,
    coalesce((SELECT game_id FROM origins o WHERE o.id = sessions.origin_id), (SELECT game_id FROM versions v WHERE v.id = sessions.version_id))
      AS origin_game_id`,
};

/** What the exported statements refer to, collected while their rows are written (zip-bundle.ts). */
export interface Referenced {
  sessions: Set<number>;
  players: Set<string>;
  activities: Set<string>;
}

export function hasStatementFilter(filters: ExportFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

// The rows the statements refer to, and what those rows need in turn for `aula import` to recreate them: a session
// its gameplay, player and version; a gameplay its activity and version; an activity its game, version and class.
const REFERENCED = `WITH
  chosen_sessions AS (SELECT id, gameplay_id, activity_id, version_id, player_id FROM sessions
    WHERE id IN (SELECT value FROM json_each(@sessions))),
  chosen_gameplays AS (SELECT id, activity_id, version_id, player_id FROM gameplays WHERE id IN (SELECT gameplay_id FROM chosen_sessions)),
  chosen_activities AS (SELECT id, game_id, version_id, class_id FROM activities
    WHERE id IN (SELECT value FROM json_each(@activities)) OR id IN (SELECT activity_id FROM chosen_sessions)
      OR id IN (SELECT activity_id FROM chosen_gameplays)),
  chosen_versions AS (SELECT id, game_id FROM versions WHERE id IN (SELECT version_id FROM chosen_sessions
    UNION SELECT version_id FROM chosen_gameplays UNION SELECT version_id FROM chosen_activities))`;

const RESTRICTION: Record<BundleTable, string> = {
  classes: 'id IN (SELECT class_id FROM chosen_activities)',
  games: 'id IN (SELECT game_id FROM chosen_versions UNION SELECT game_id FROM chosen_activities)',
  versions: 'id IN (SELECT id FROM chosen_versions)',
  activities: 'id IN (SELECT id FROM chosen_activities)',
  players: `id IN (SELECT value FROM json_each(@players)) OR id IN (SELECT player_id FROM chosen_sessions
    UNION SELECT player_id FROM chosen_gameplays)`,
  gameplays: 'id IN (SELECT id FROM chosen_gameplays)',
  sessions: 'id IN (SELECT id FROM chosen_sessions)',
};

/**
 * Rows of one table, as plain objects with the column names above: every row for a whole export (a full hand-over,
 * sessions nobody sent a statement in included), else only those the exported statements refer to, so that an export
 * of one day or one player does not hand over the whole roster.
 */
export function bundleTableRows(db: Db, table: BundleTable, referenced: Referenced | null): Record<string, unknown>[] {
  const rows = (
    referenced === null
      ? db.prepare(`SELECT ${COLUMNS[table]} FROM ${table} ORDER BY rowid`).all()
      : db.prepare(`${REFERENCED} SELECT ${COLUMNS[table]} FROM ${table} WHERE ${RESTRICTION[table]} ORDER BY rowid`).all({
          sessions: JSON.stringify([...referenced.sessions]),
          players: JSON.stringify([...referenced.players]),
          activities: JSON.stringify([...referenced.activities]),
        })
  ) as Record<string, unknown>[];
  if (table === 'activities') for (const row of rows) row.rules = rulesObject(row.rules);
  return rows;
}

/** An activity's rules (issue 10) travel as the JSON object they are, null when none were ever set. */
function rulesObject(stored: unknown): unknown {
  if (typeof stored !== 'string') return null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return null;
  }
}

/** The stored rows themselves (the statement as received, with its ids and links), for `aula import`. */
export const STATEMENT_ROW_SELECT = `SELECT s.seq, s.id, s.client_id, s.session_id, s.activity_id, s.player_id, s.verb_id, s.object_id,
  s.registration, s.timestamp, s.stored, s.source, s.voided, s.json, p.kind AS player_kind, p.public_id AS player_public_id
  FROM statements s LEFT JOIN players p ON p.id = s.player_id`;
