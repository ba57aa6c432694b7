import type { Db } from '../store/open-database.js';
import { getOrCreateSetting, getSetting } from '../store/settings-repo.js';

const HOME_PAGE_SETTING = 'home_page';

const withSlash = (value: string) => (value.endsWith('/') ? value : `${value}/`);
const lanName = (port: number) => `http://aula.local:${port === 0 ? 3000 : port}/`;

/**
 * The home page ends up in every statement's actor and object ids, so it must not follow the laptop's current
 * IP address (contract C-5.10 SHOULD): unless configured, it is fixed at first run to the collector's LAN name.
 */
export function resolveHomePage(db: Db, configured: string | undefined, port: number): string {
  return withSlash(configured ?? getOrCreateSetting(db, HOME_PAGE_SETTING, () => lanName(port)));
}

/**
 * The home page a collector about to listen on `port` will use, without fixing it yet: a first run that cannot
 * listen (its port taken) must not fix a port nobody ever served on into every later statement: resolveHomePage fixes it once listening.
 */
export function homePageToServe(db: Db, configured: string | undefined, port: number): string {
  return withSlash(configured ?? getSetting(db, HOME_PAGE_SETTING) ?? lanName(port));
}

