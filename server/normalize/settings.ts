import type { Db } from '../store/open-database.js';
import { getSetting } from '../store/settings-repo.js';

export type ActorsMode = 'as-sent' | 'per-player';

/** Everything besides the stored row that the normalised form depends on (N-8: installation settings only). */
export interface NormalizeSettings {
  /** The installation's home page, with a trailing slash (AppContext.homePage): authority and per-player accounts. */
  homePage: string;
  /** Base of the IRIs the mapping invents, without a trailing slash, e.g. `http://aula.local:3000/xapi`. */
  namespace: string;
  actors: ActorsMode;
  /** The pseudonymisation salt; when set, identified usernames and per-player account names are keyed hashes. */
  pseudonymSalt: string | null;
}

export const NAMESPACE_KEY = 'xapi_namespace';

/** The configured IRI base (setting `xapi_namespace`), else `<home page>xapi`. */
export function iriNamespace(db: Db, homePage: string): string {
  const configured = getSetting(db, NAMESPACE_KEY);
  const base = configured ?? `${homePage.endsWith('/') ? homePage : `${homePage}/`}xapi`;
  return base.replace(/\/+$/, '');
}
