import { wording } from '../i18n/wording.js';
import { XAPI_PLAYER_PREFIX } from '../store/xapi-players.js';
import { AdminError } from './admin-error.js';

/**
 * Players' "Show" choice, as the screen's shownForKind reads a player (renderer/src/screens/players.tsx): students who
 * logged in, players an xAPI game identified (no roster students), anonymous players. Keep the two in step.
 */
export const PLAYER_KINDS = ['anonymous', 'identified', 'xapi'] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

/** A player an xAPI game identified: `identified`, with a playerId derived from its actor (isDerivedXapiPlayerId). */
const XAPI_SQL = `(p.kind = 'identified' AND substr(p.public_id, 1, ${XAPI_PLAYER_PREFIX.length}) = '${XAPI_PLAYER_PREFIX}')`;

/**
 * The condition on `p` (players) for a kind, applied before the list's limit: filtered on the screen, "students" after
 * a term showed only the students among the 1,000 players seen most recently, and none seen before them.
 */
export function playerKindSql(kind: PlayerKind): string {
  if (kind === 'xapi') return XAPI_SQL;
  return `(p.kind = '${kind}' AND NOT ${XAPI_SQL})`;
}

/** `?kind=`: absent, blank or `all` means every player; anything but one of PLAYER_KINDS is a 400. */
export function playerKindParam(value: unknown): PlayerKind | undefined {
  if (value === undefined || value === '' || value === 'all') return undefined;
  if (typeof value === 'string' && (PLAYER_KINDS as readonly string[]).includes(value)) return value as PlayerKind;
  throw new AdminError(400, 'invalid-parameter', wording('player.kindOne', { kinds: ['all', ...PLAYER_KINDS].join(', ') }));
}
