import type { Db } from '../store/open-database.js';
import type { ExportFilters, StatementWhere } from './filters.js';

/**
 * The bundle's tables (everything import needs to recreate the statements' context), restricted to the sessions
 * the filters select. Secrets stay out: no auth tokens, no student password hashes or emails. Activities carry their
 * rules (`rules`: the settings object, or null).
 */
export const BUNDLE_TABLES = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions'] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const COLUMNS: Record<BundleTable, string> = {
  classes: 'id, name, created',
  games: 'id, title, created',
  versions: 'id, game_id, tracking_code, link, created',
  activities: 'id, name, game_id, version_id, class_id, tracking_code, allow_anonymous, open, created, opened, closed, rules',
  players: 'id, public_id, kind, animal_name, created',
  gameplays: 'id, scope_id, activity_id, version_id, player_id, first_started',
  // origin_*: the Aula that collected the session, when it was imported (migration 11); writeBundle names this one.
  // The game's id there is this session's version's game here unless an import merged that game with another.
  sessions: `id, gameplay_id, activity_id, version_id, player_id, number, source, registration, started, ended, last_seen, last_verb,
    last_object, progress, completion, success, score,
    (SELECT home_page FROM origins o WHERE o.id = sessions.origin_id) AS origin_home_page,
    (SELECT namespace FROM origins o WHERE o.id = sessions.origin_id) AS origin_namespace,
    coalesce((SELECT game_id FROM origins o WHERE o.id = sessions.origin_id), (SELECT game_id FROM versions v WHERE v.id = sessions.version_id))
      AS origin_game_id`,
};

export function hasEntityFilter(filters: ExportFilters): boolean {
  return Boolean(filters.activity || filters.class || filters.player || filters.session !== undefined);
}

/** Rows of one table, as plain objects with the column names above. */
export function bundleTableRows(db: Db, table: BundleTable, filtered: boolean, sessions: StatementWhere): Record<string, unknown>[] {
  const chosen = `SELECT * FROM sessions se ${sessions.sql}`;
  const activities = `SELECT activity_id FROM (${chosen}) WHERE activity_id IS NOT NULL`;
  const versions = `SELECT version_id FROM (${chosen}) UNION SELECT version_id FROM activities WHERE id IN (${activities})`;
  const restriction: Record<BundleTable, string> = {
    classes: `id IN (SELECT class_id FROM activities WHERE id IN (${activities}))`,
    games: `id IN (SELECT game_id FROM versions WHERE id IN (${versions}))`,
    versions: `id IN (${versions})`,
    activities: `id IN (${activities})`,
    players: `id IN (SELECT player_id FROM (${chosen}))`,
    gameplays: `id IN (SELECT gameplay_id FROM (${chosen}))`,
    sessions: `id IN (SELECT id FROM (${chosen}))`,
  };
  // Each restriction repeats the session filter; the parameters repeat with it.
  const repeats = filtered ? (restriction[table].match(/FROM sessions se/g)?.length ?? 0) : 0;
  const sql = `SELECT ${COLUMNS[table]} FROM ${table}${filtered ? ` WHERE ${restriction[table]}` : ''} ORDER BY rowid`;
  const params = Array.from({ length: repeats }, () => sessions.params).flat();
  const rows = db.prepare(sql).all(...params) as Record<string, unknown>[];
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
