import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { BundleManifest } from './bundle-manifest.js';

/** The home page and IRI namespace of the Aula that collected a session (migration 11). */
export interface Origin {
  homePage: string;
  namespace: string;
}

/** …and the id the session's game had there. */
export interface SessionOrigin extends Origin {
  gameId: string;
}

/**
 * What the bundle says of the laptop that made it, for sessions that do not name their own origin: the manifest's
 * home page and namespace. Bundles from before sessions named their origin carry only the namespace; when it has the
 * default shape (`<homePage>xapi`, iriNamespace) the home page is read off it, otherwise nothing is known and the
 * statements follow this laptop's settings, as they always did.
 */
export function bundleOrigin(manifest: BundleManifest): Origin | null {
  const { homePage, namespace } = manifest.options;
  if (typeof namespace !== 'string' || namespace === '') return null;
  if (typeof homePage === 'string' && homePage !== '') return { homePage, namespace };
  return namespace.endsWith('/xapi') ? { homePage: namespace.slice(0, -'xapi'.length), namespace } : null;
}

/**
 * A session row's own origin, else the bundle's, with the id its game had on that laptop: the row's, or (bundles from
 * before migration 11) its version's game in the bundle, which is the exporting laptop's own.
 */
export function sessionOrigin(
  row: { origin_home_page: string | null; origin_namespace: string | null; origin_game_id: string | null },
  fallback: Origin | null,
  versionGameId: string | undefined,
): SessionOrigin | null {
  const origin =
    row.origin_home_page !== null && row.origin_namespace !== null ? { homePage: row.origin_home_page, namespace: row.origin_namespace } : fallback;
  const gameId = row.origin_game_id ?? versionGameId;
  return origin === null || gameId === undefined ? null : { ...origin, gameId };
}

/** The origin's row id, made on first use: a store holds one per game of each laptop its bundles came from. */
export function originId(db: Db, origin: SessionOrigin | null): number | null {
  if (origin === null) return null;
  const { homePage, namespace, gameId } = origin;
  prepared(db, 'INSERT OR IGNORE INTO origins (home_page, namespace, game_id) VALUES (?, ?, ?)').run(homePage, namespace, gameId);
  return (prepared(db, 'SELECT id FROM origins WHERE home_page = ? AND namespace = ? AND game_id = ?').get(homePage, namespace, gameId) as { id: number }).id;
}
