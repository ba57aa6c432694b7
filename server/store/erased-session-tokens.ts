import { createHash } from 'node:crypto';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * The authTokens of erased sessions (migration 23), so that what their games send afterwards is refused without
 * keeping their player's statements in a refusal's sample (refusals.ts). Kept as long as the erasure log: a game left
 * open in a browser tab may send for days, and a hash per session is a few dozen bytes.
 */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The hashes of the sessions' authTokens; read before the sessions are deleted. `sessionIds` is a JSON array. */
export function erasedTokenHashes(db: Db, sessionIds: string): string[] {
  return prepared<[string], { token: string }>(db, 'SELECT auth_token AS token FROM sessions WHERE id IN (SELECT value FROM json_each(?))')
    .all(sessionIds)
    .map((row) => tokenHash(row.token));
}

/** In the erasure's transaction, once its log entry exists. */
export function rememberErasedTokens(db: Db, hashes: readonly string[], erasureId: number): void {
  const remember = prepared(db, 'INSERT OR IGNORE INTO erased_session_tokens (token_hash, erasure_id) VALUES (?, ?)');
  for (const hash of hashes) remember.run(hash, erasureId);
}

export function isErasedSessionToken(db: Db, token: string): boolean {
  return prepared<[string], { one: number }>(db, 'SELECT 1 AS one FROM erased_session_tokens WHERE token_hash = ?').get(tokenHash(token)) !== undefined;
}
