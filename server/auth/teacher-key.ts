import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** The settings row that holds the key (generated at first run, replaced by "Regenerate"). */
export const TEACHER_KEY_SETTING = 'teacher_key';
export const TEACHER_COOKIE = 'aula_teacher';
/** A tablet stays signed in for a school term; regenerating the key ends every cookie at once anyway. */
export const TEACHER_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

// Typed on a tablet from the laptop's screen: lower case, no 0/o or 1/l/i.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 4;

/** 24 characters from 31 (about 119 bits) in groups of four, e.g. `k7mq-…`: URL-safe and readable aloud. */
export function newTeacherKey(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What the teacher typed, forgiving case, spaces and dashes. */
export function normalizeTeacherKey(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant time: both sides are hashed to the same length first, so neither length nor content leaks by timing. */
export function teacherKeyMatches(typed: string, key: string): boolean {
  const given = normalizeTeacherKey(typed);
  const same = timingSafeEqual(digest(given), digest(normalizeTeacherKey(key)));
  return same && given.length > 0;
}

function cookieMac(key: string, issued: string, nonce: string): Buffer {
  return createHmac('sha256', normalizeTeacherKey(key)).update(`aula-teacher-cookie.${issued}.${nonce}`).digest();
}

/**
 * A cookie value that proves the key was entered, without holding the key: `<issued>.<nonce>.<mac>`, the MAC keyed
 * with the teacher key. Nothing is stored per device; a new key makes every earlier cookie's MAC wrong.
 */
export function issueTeacherCookie(key: string, nowMs: number): string {
  const issued = Math.floor(nowMs / 1000).toString(36);
  const nonce = randomBytes(12).toString('base64url');
  return `${issued}.${nonce}.${cookieMac(key, issued, nonce).toString('base64url')}`;
}

const COOKIE_SHAPE = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function teacherCookieValid(value: string, key: string, nowMs: number): boolean {
  const match = COOKIE_SHAPE.exec(value);
  if (!match) return false;
  const [, issued = '', nonce = '', mac = ''] = match;
  const issuedMs = Number.parseInt(issued, 36) * 1000;
  const ageMs = nowMs - issuedMs;
  // Older than the cookie's lifetime is expired even if a browser kept it. Issued "in the future" means this laptop's
  // clock was ahead when it was issued and has been set back since (by hand, or by NTP once a network was there): the
  // MAC proves Aula issued it, so it stays valid, up to a lifetime ahead. A minute of slack signed every tablet out.
  if (Math.abs(ageMs) > TEACHER_COOKIE_MAX_AGE_SECONDS * 1000) return false;
  return timingSafeEqual(Buffer.from(mac, 'base64url'), cookieMac(key, issued, nonce));
}

/**
 * HttpOnly: scripts (and anything injected) cannot read it. SameSite=Strict: other sites cannot make the browser
 * send it (no cross-site requests to the admin API). Path=/ covers the dashboard and /admin. Not Secure: Aula
 * serves plain HTTP on the classroom network, where a Secure cookie would never be sent.
 */
export function teacherCookieHeader(value: string): string {
  return `${TEACHER_COOKIE}=${value}; Path=/; Max-Age=${TEACHER_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict`;
}

export function clearTeacherCookieHeader(): string {
  return `${TEACHER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie from a Cookie header (the first, if a browser sends the name twice). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** `Authorization: Bearer <key>` for scripts; undefined for other schemes. */
export function bearerKey(header: string | undefined): string | undefined {
  const match = header ? /^Bearer[ \t]+(\S.*)$/i.exec(header.trim()) : null;
  return match?.[1];
}
