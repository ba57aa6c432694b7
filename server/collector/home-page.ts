import type { Db } from '../store/open-database.js';
import { getOrCreateSetting } from '../store/settings-repo.js';

/**
 * The home page ends up in every statement's actor and object ids, so it must not follow the laptop's current
 * IP address (contract C-5.10 SHOULD): unless configured, it is fixed at first run to the collector's LAN name.
 */
export function resolveHomePage(db: Db, configured: string | undefined, port: number): string {
  const value = configured ?? getOrCreateSetting(db, 'home_page', () => `http://aula.local:${port === 0 ? 3000 : port}/`);
  return value.endsWith('/') ? value : `${value}/`;
}
