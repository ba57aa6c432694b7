import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/open-database.js';
import { getOrCreateSetting, getSetting } from '../store/settings-repo.js';

const SALT_KEY = 'pseudonym_salt';

/**
 * A stable keyed hash of a playerId (N-7): the same on every export and upload of this installation, useless
 * without the salt, which never leaves the laptop. 32 hex characters keep account names short and readable.
 */
export function pseudonym(salt: string, playerId: string): string {
  return createHmac('sha256', salt).update(playerId, 'utf8').digest('hex').slice(0, 32);
}

/** Reads the salt without writing; undefined until the first pseudonymised export or upload creates it. */
export function readPseudonymSalt(db: Db): string | undefined {
  return getSetting(db, SALT_KEY);
}

/** A write: in the server call it inside `ctx.writer.run`, in the CLI directly. */
export function ensurePseudonymSalt(db: Db): string {
  return getOrCreateSetting(db, SALT_KEY, () => randomBytes(32).toString('hex'));
}
