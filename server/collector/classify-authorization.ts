import type { LoginIdentity, LoginTokens } from '../auth/login-tokens.js';
import type { Db } from '../store/open-database.js';
import { getPlayer, type Player } from '../store/players-repo.js';
import { findSessionByToken } from '../store/sessions-repo.js';

export type Caller =
  | { kind: 'none' }
  | { kind: 'user'; identity: LoginIdentity }
  | { kind: 'revoked' }
  | { kind: 'player'; player: Player }
  | { kind: 'header-error' };

const BEARER = /^bearer +(.+)$/i;

/** The start route's reading of `Authorization` (contract C-5.3), cases (a) to (d). */
export function classifyAuthorization(db: Db, loginTokens: LoginTokens, header: string | undefined): Caller {
  const value = header?.trim() ?? '';
  if (value === '') return { kind: 'none' };
  const match = BEARER.exec(value);
  if (!match) return { kind: 'header-error' };
  const token = (match[1] as string).trim();
  const login = loginTokens.check(token);
  if (login.kind === 'valid') return { kind: 'user', identity: login.identity };
  if (login.kind === 'revoked') return { kind: 'revoked' };
  // (c): the Java and C# trackers send their previous authToken as a Bearer on a second start().
  const session = findSessionByToken(db, token);
  const player = session && getPlayer(db, session.playerId);
  if (player) return { kind: 'player', player };
  return { kind: 'header-error' };
}

/** The student behind a caller, for the class-membership rule (C-5.5). */
export function callerStudentId(caller: Caller): string | null {
  if (caller.kind === 'user') return caller.identity.studentId;
  if (caller.kind === 'player') return caller.player.studentId;
  return null;
}

/** Splits the raw authToken off `Authorization` on track and end (C-6.1): raw, or `Bearer <authToken>`. */
export function authTokenFrom(header: string | undefined): string | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  const match = BEARER.exec(value);
  return match ? (match[1] as string).trim() : value;
}
