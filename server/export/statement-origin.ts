import type { StoredStatementRow } from '../normalize/index.js';
import type { ExportSettings } from './pseudonymous-agents.js';

/**
 * Where a statement was collected, when that was another Aula (migration 11, an imported session): its home page,
 * namespace, and the id the game had there. Null (or absent) for statements collected here.
 */
export interface OriginColumns {
  originHomePage?: string | null;
  originNamespace?: string | null;
  originGameId?: string | null;
}

/** For a query over `sessions se` (NORMALIZE_FROM, the export's session lookup): the session's origin. */
export const ORIGIN_COLUMNS = 'o.home_page AS originHomePage, o.namespace AS originNamespace, o.game_id AS originGameId';
export const ORIGIN_JOIN = 'LEFT JOIN origins o ON o.id = se.origin_id';

const derived = new WeakMap<ExportSettings, Map<string, ExportSettings>>();

/**
 * The settings a statement is normalised with: this installation's, except the home page and namespace of the
 * installation that collected it (N-8: the same statement gives the same JSON wherever it is exported or uploaded
 * from, so a central LRS never sees one id with two contents). What this export chose stays: actors, and the
 * pseudonyms, which use this laptop's salt since the salt never leaves the laptop that made it. One object per
 * origin, so that callers can keep per-settings caches.
 */
export function settingsForOrigin(row: OriginColumns, settings: ExportSettings): ExportSettings {
  const homePage = row.originHomePage;
  const namespace = row.originNamespace;
  if (!homePage || !namespace || (homePage === settings.homePage && namespace === settings.namespace)) return settings;
  let byOrigin = derived.get(settings);
  if (byOrigin === undefined) {
    byOrigin = new Map();
    derived.set(settings, byOrigin);
  }
  const key = `${homePage}\u0000${namespace}`;
  let found = byOrigin.get(key);
  if (found === undefined) {
    found = { ...settings, homePage, namespace };
    byOrigin.set(key, found);
  }
  return found;
}

/**
 * The row as the collecting laptop had it: relative object ids resolve against the game version's object id, which
 * holds the game's id there (an import may have merged the game with one of this laptop's, by title).
 */
export function asCollected<Row extends StoredStatementRow & OriginColumns>(row: Row): Row {
  const gameId = row.originGameId;
  return gameId && gameId !== row.gameId && row.versionId !== null ? { ...row, gameId } : row;
}
