import { timingSafeEqual } from 'node:crypto';
import { newSecret } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/** HTTP Basic credentials of one activity's xAPI endpoint (xapi.md ): statements sent with them land there. */
export interface XapiCredential {
  key: string;
  secret: string;
  activityId: string;
  label: string;
  created: string;
  revoked: string | null;
}

const SELECT = 'SELECT key, secret, activity_id AS activityId, label, created, revoked FROM xapi_credentials';

/** Call inside a write transaction (createActivity, regenerate). */
export function createXapiCredential(db: Db, activityId: string, label: string): XapiCredential {
  const credential: XapiCredential = {
    key: newSecret(20),
    secret: newSecret(32),
    activityId,
    label,
    created: isoNow(),
    revoked: null,
  };
  prepared(db, 'INSERT INTO xapi_credentials (key, secret, activity_id, label, created) VALUES (?, ?, ?, ?, ?)').run(
    credential.key,
    credential.secret,
    activityId,
    label,
    credential.created,
  );
  return credential;
}

/** The activity's newest credential that is still valid, if any. */
export function activeXapiCredential(db: Db, activityId: string): XapiCredential | undefined {
  return prepared<[string], XapiCredential>(
    db,
    `${SELECT} WHERE activity_id = ? AND revoked IS NULL ORDER BY created DESC, rowid DESC LIMIT 1`,
  ).get(activityId);
}

/** Revokes every valid credential of the activity; returns how many. */
export function revokeXapiCredentials(db: Db, activityId: string): number {
  return prepared(db, 'UPDATE xapi_credentials SET revoked = ? WHERE activity_id = ? AND revoked IS NULL').run(
    isoNow(),
    activityId,
  ).changes;
}

/** Revokes the old credentials and issues a new pair. Call inside a write transaction. */
export function regenerateXapiCredential(db: Db, activityId: string, label: string): XapiCredential {
  revokeXapiCredentials(db, activityId);
  return createXapiCredential(db, activityId, label);
}

/** Checks a Basic key and secret in constant time per comparison; revoked keys never match. */
export function authenticateXapi(db: Db, key: string, secret: string): XapiCredential | undefined {
  const found = prepared<[string], XapiCredential>(db, `${SELECT} WHERE key = ? AND revoked IS NULL`).get(key);
  if (!found) return undefined;
  const given = Buffer.from(secret);
  const expected = Buffer.from(found.secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? found : undefined;
}
