import { wording } from '../i18n/wording.js';
import type { Db } from '../store/open-database.js';
import { AdminError } from './admin-error.js';

/** Longer than any name, username or player id Aula stores; a longer `q` is a mistake, not a search. */
const SEARCH_LIMIT = 200;

/**
 * The name Players shows for a player (renderer/src/format/player-name.ts, playerLabel), in SQL over the columns of
 * PLAYER_REF_COLUMNS (`p` players, `st` students): the search matches what the teacher sees in the row, as the
 * screen's own filter did when it had every player at hand. Keep the two in step.
 */
const SHOWN_NAME_SQL = `CASE
    WHEN p.kind = 'identified' AND substr(p.public_id, 1, 5) = 'xapi-' THEN coalesce(p.xapi_name, p.animal_name)
    WHEN p.kind = 'identified' AND p.public_id <> '' THEN
      CASE WHEN st.name IS NOT NULL AND st.name <> '' AND st.name <> p.public_id THEN st.name || ' (' || p.public_id || ')' ELSE p.public_id END
    ELSE p.animal_name END`;

/**
 * A player whose shown name contains the words, whatever their case (JavaScript's, so Ó finds ó: SQLite's own
 * lower() and LIKE fold ASCII letters only), or whose player id (the internal one in links, or the one the player
 * page shows) is exactly them.
 */
export const PLAYER_MATCHES_SQL = `(instr(aula_fold_case(${SHOWN_NAME_SQL}), @folded) > 0 OR p.id = @exact OR p.public_id = @exact)`;

export interface PlayerSearch {
  folded: string;
  exact: string;
}

/** `?q=`: absent or blank means no search; anything but one string of at most SEARCH_LIMIT characters is a 400. */
export function playerSearchParam(value: unknown): PlayerSearch | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AdminError(400, 'invalid-parameter', wording('player.searchOne'));
  const exact = value.trim();
  if (exact === '') return undefined;
  if (exact.length > SEARCH_LIMIT) throw new AdminError(400, 'invalid-parameter', wording('player.searchTooLong', { max: SEARCH_LIMIT }));
  return { folded: exact.toLowerCase(), exact };
}

const registered = new WeakSet<Db>();

/** aula_fold_case(text): the text in JavaScript's lower case, as the dashboard compares names. Once per connection. */
export function ensurePlayerSearchFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('aula_fold_case', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : null));
  registered.add(db);
}
