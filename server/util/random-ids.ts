import { randomBytes, randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
// No 0/o, 1/l/i: a tracking code is read off a projector and typed into a game's settings.
const TYPEABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Session credential: 32 base62 characters, about 190 bits (contract C-5.7 asks for at least 128). */
export function newAuthToken(): string {
  // randomBytes is far cheaper than 32 randomInt calls on the start path.
  const bytes = randomBytes(32);
  let out = '';
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/** Anonymous player id, the only credential needed to continue as that player: 22 base62 characters, ~130 bits. */
export function newAnonymousPlayerId(): string {
  return randomString(BASE62, 22);
}

/** Internal row ids (games, versions, activities, players, gameplays): short, URL- and IRI-safe. */
export function newRowId(): string {
  return randomString(LOWER36, 12);
}

export function newTrackingCode(): string {
  return randomString(TYPEABLE, 8);
}

export function newSecret(length = 32): string {
  return randomString(BASE62, length);
}
