import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, test } from 'node:test';
import {
  bearerKey,
  clearTeacherCookieHeader,
  issueTeacherCookie,
  newTeacherKey,
  readCookie,
  TEACHER_COOKIE,
  TEACHER_COOKIE_MAX_AGE_SECONDS,
  teacherCookieHeader,
  teacherCookieValid,
  teacherKeyMatches,
} from '../../server/auth/teacher-key.js';
import { isTeacherRequest } from '../../server/http/is-teacher-request.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('teacher key', () => {
  test('is long, random, URL-safe and typeable (no 0/o, 1/l/i)', () => {
    const keys = new Set(Array.from({ length: 200 }, newTeacherKey));
    assert.equal(keys.size, 200);
    for (const key of keys) {
      assert.match(key, /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$/);
      assert.equal(encodeURIComponent(key), key);
    }
  });

  test('matches what the teacher typed, forgiving case, spaces and dashes, and nothing else', () => {
    const key = newTeacherKey();
    assert.equal(teacherKeyMatches(key, key), true);
    assert.equal(teacherKeyMatches(` ${key.toUpperCase().replaceAll('-', ' ')} `, key), true);
    assert.equal(teacherKeyMatches(key.replaceAll('-', ''), key), true);
    assert.equal(teacherKeyMatches(key.slice(0, -1), key), false);
    assert.equal(teacherKeyMatches(`${key}a`, key), false);
    assert.equal(teacherKeyMatches(newTeacherKey(), key), false);
    assert.equal(teacherKeyMatches('', key), false);
    assert.equal(teacherKeyMatches('----', key), false);
    assert.equal(teacherKeyMatches('x'.repeat(10_000), key), false, 'any length is compared without throwing');
    assert.equal(teacherKeyMatches('', ''), false, 'an empty key never matches');
  });
});

describe('teacher cookie', () => {
  const key = newTeacherKey();

  test('a cookie issued with the key is valid for its lifetime, and does not contain the key', () => {
    const value = issueTeacherCookie(key, NOW);
    assert.ok(!value.includes(key) && !value.includes(key.replaceAll('-', '')));
    assert.equal(teacherCookieValid(value, key, NOW), true);
    assert.equal(teacherCookieValid(value, key.toUpperCase(), NOW + 1000), true);
    assert.equal(teacherCookieValid(value, key, NOW + (TEACHER_COOKIE_MAX_AGE_SECONDS - 60) * 1000), true);
    assert.notEqual(issueTeacherCookie(key, NOW), value, 'each device gets its own');
  });

  test('a new key voids every cookie issued with the old one', () => {
    const value = issueTeacherCookie(key, NOW);
    assert.equal(teacherCookieValid(value, newTeacherKey(), NOW), false);
  });

  test("issued while the laptop's clock was ahead, then set back (docs/clock.md): still valid", () => {
    assert.equal(teacherCookieValid(issueTeacherCookie(key, NOW + 10 * 60_000), key, NOW), true);
    assert.equal(teacherCookieValid(issueTeacherCookie(key, NOW + 30 * 24 * 60 * 60_000), key, NOW), true);
  });

  test('tampered, expired, future and malformed cookies are refused', () => {
    const value = issueTeacherCookie(key, NOW);
    const [issued, nonce, mac] = value.split('.') as [string, string, string];
    const flip = (text: string) => (text.startsWith('A') ? `B${text.slice(1)}` : `A${text.slice(1)}`);
    assert.equal(teacherCookieValid(`${issued}.${nonce}.${flip(mac)}`, key, NOW), false);
    assert.equal(teacherCookieValid(`${issued}.${flip(nonce)}.${mac}`, key, NOW), false);
    assert.equal(teacherCookieValid(`${(Number.parseInt(issued, 36) + 1).toString(36)}.${nonce}.${mac}`, key, NOW), false);
    assert.equal(teacherCookieValid(value, key, NOW + (TEACHER_COOKIE_MAX_AGE_SECONDS + 1) * 1000), false);
    // Issued further ahead than a cookie lives: not a clock set back since, nothing Aula issued to be kept.
    assert.equal(teacherCookieValid(issueTeacherCookie(key, NOW + (TEACHER_COOKIE_MAX_AGE_SECONDS + 1) * 1000), key, NOW), false);
    for (const bad of ['', key, '..', `${value}.x`, `${issued}.${nonce}`, 'a'.repeat(5000), `${issued}.${nonce}.${mac.slice(1)}`]) {
      assert.equal(teacherCookieValid(bad, key, NOW), false, bad);
    }
  });

  test('attributes: HttpOnly, SameSite=Strict, Path=/, a lifetime; not Secure (plain HTTP on the LAN); clearing expires it', () => {
    const header = teacherCookieHeader('v');
    const parts = header.split(';').map((part) => part.trim());
    assert.equal(parts[0], `${TEACHER_COOKIE}=v`);
    assert.ok(parts.includes('HttpOnly'));
    assert.ok(parts.includes('SameSite=Strict'));
    assert.ok(parts.includes('Path=/'));
    assert.ok(parts.includes(`Max-Age=${TEACHER_COOKIE_MAX_AGE_SECONDS}`));
    assert.ok(!parts.some((part) => /^secure$/i.test(part)));
    const cleared = clearTeacherCookieHeader().split(';').map((part) => part.trim());
    assert.ok(cleared.includes('Max-Age=0') && cleared.includes('HttpOnly') && cleared.includes('SameSite=Strict'));
  });

  test('reading the cookie and the Bearer key from headers', () => {
    assert.equal(readCookie(`a=1; ${TEACHER_COOKIE}=abc.def; b=2`, TEACHER_COOKIE), 'abc.def');
    assert.equal(readCookie(`x${TEACHER_COOKIE}=no`, TEACHER_COOKIE), undefined);
    assert.equal(readCookie(undefined, TEACHER_COOKIE), undefined);
    assert.equal(bearerKey('Bearer abcd-efgh'), 'abcd-efgh');
    assert.equal(bearerKey('bearer   abcd'), 'abcd');
    assert.equal(bearerKey('Basic abcd'), undefined);
    assert.equal(bearerKey('Bearer '), undefined);
    assert.equal(bearerKey(undefined), undefined);
  });
});

describe('isTeacherRequest without a running collector', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

  test('this computer is the teacher; another address is not, whatever headers it forges', () => {
    assert.equal(isTeacherRequest(req('127.0.0.1')), true);
    assert.equal(isTeacherRequest(req('::1')), true);
    assert.equal(isTeacherRequest(req('::ffff:127.0.0.1')), true);
    assert.equal(isTeacherRequest(req('192.168.1.20', { 'x-forwarded-for': '127.0.0.1', authorization: 'Bearer anything' })), false);
  });
});
