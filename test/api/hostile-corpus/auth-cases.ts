import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { storedFor } from '../../support/stored.js';
import { M } from './messages.js';
import { baseStatement, END, LOGOUT, start, TRACK, track } from './support.js';
import type { Env, HostileCase } from './types.js';
import { http, json } from './wire.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const claims = (env: Env, extra: Record<string, unknown> = {}) => ({
  sub: env.student.id,
  username: env.student.username,
  jti: `hostile-${Math.random().toString(36).slice(2)}`,
  iat: nowSeconds(),
  exp: nowSeconds() + 3600,
  ...extra,
});
const unsigned = (header: Record<string, unknown>, payload: Record<string, unknown>, signature = '') => `${b64(header)}.${b64(payload)}.${signature}`;

/** Forged or broken login tokens: none of them may identify the student. */
const FORGED: Array<[name: string, make: (env: Env) => string]> = [
  ['signed with another secret', (env) => jwt.sign(claims(env), 'not-the-installation-secret', { algorithm: 'HS256' })],
  ['alg none', (env) => unsigned({ alg: 'none', typ: 'JWT' }, claims(env))],
  ['alg None', (env) => unsigned({ alg: 'None', typ: 'JWT' }, claims(env))],
  ['alg NONE with a signature', (env) => unsigned({ alg: 'NONE' }, claims(env), 'c2lnbmF0dXJl')],
  ['expired (right secret)', (env) => jwt.sign(claims(env, { iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), env.jwtSecret, { algorithm: 'HS256' })],
  ['not yet valid (right secret)', (env) => jwt.sign(claims(env, { nbf: nowSeconds() + 3600 }), env.jwtSecret, { algorithm: 'HS256' })],
  ['HS512 with the right secret', (env) => jwt.sign(claims(env), env.jwtSecret, { algorithm: 'HS512' })],
  ['HS384 with the right secret', (env) => jwt.sign(claims(env), env.jwtSecret, { algorithm: 'HS384' })],
  [
    'RS256 header over an HMAC signature (algorithm confusion)',
    (env) => {
      const [, payload, signature] = jwt.sign(claims(env), env.jwtSecret, { algorithm: 'HS256' }).split('.');
      return `${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`;
    },
  ],
  [
    'payload changed after signing',
    (env) => {
      const [header, , signature] = env.student.loginToken.split('.');
      return `${header}.${b64(claims(env, { username: 'teacher' }))}.${signature}`;
    },
  ],
  ['right secret, unknown student', (env) => jwt.sign(claims(env, { sub: 'no-such-student' }), env.jwtSecret, { algorithm: 'HS256' })],
  ['right secret, no jti', (env) => jwt.sign({ sub: env.student.id, username: env.student.username, exp: nowSeconds() + 60 }, env.jwtSecret, { algorithm: 'HS256' })],
  ['right secret, sub is a number', (env) => jwt.sign(claims(env, { sub: 42 }), env.jwtSecret, { algorithm: 'HS256' })],
  ['kid path traversal, other secret', (env) => jwt.sign(claims(env), 'x', { algorithm: 'HS256', keyid: '../../../../dev/null' })],
  ['jku pointing elsewhere, other secret', (env) => jwt.sign(claims(env), 'x', { algorithm: 'HS256', header: { alg: 'HS256', jku: 'http://evil.example/keys' } })],
  ['valid token truncated', (env) => env.student.loginToken.slice(0, -5)],
  ['valid token with an extra segment', (env) => `${env.student.loginToken}.x`],
  ['valid token, signature stripped', (env) => env.student.loginToken.split('.').slice(0, 2).join('.')],
  ['valid token, signature emptied', (env) => `${env.student.loginToken.split('.').slice(0, 2).join('.')}.`],
  ['10 KB of garbage', () => 'g'.repeat(10_000)],
];

function jwts(): HostileCase[] {
  const group = 'forged, alg:none, expired and other-secret JWTs';
  const cases: HostileCase[] = [];
  for (const [name, make] of FORGED) {
    // Open activity: a token that is not a valid login token is a header error (C-5.3 d, C-5.4 step 5).
    cases.push({ group, name: `start, ${name}`, request: (env) => http({ path: start(env.codes.open), headers: { Authorization: `Bearer ${make(env)}` } }), expect: { status: 400, body: M.bearer } });
    cases.push({ group, name: `logout, ${name}`, request: (env) => http({ method: 'DELETE', path: LOGOUT, headers: { Authorization: `Bearer ${make(env)}` } }), expect: { status: 401, body: M.a2Token } });
  }
  for (const [name, make] of FORGED.slice(0, 5)) {
    // Members-only activity: the forged caller counts as anonymous and may not join.
    cases.push({ group, name: `members-only start, ${name}`, request: (env) => http({ path: start(env.codes.members), headers: { Authorization: `Bearer ${make(env)}` } }), expect: { status: 401, body: M.notAuthorizedJoin } });
  }
  for (const header of ['Bearer', 'Bearer    ', 'Basic YWRtaW46YWRtaW4=', 'Token abc', 'bearer', 'JWT x.y.z']) {
    cases.push({ group, name: `start, Authorization ${JSON.stringify(header)}`, request: (env) => http({ path: start(env.codes.open), headers: { Authorization: header } }), expect: { status: 400, body: M.bearer } });
  }
  cases.push({ group, name: 'start, a revoked login token', request: (env) => http({ path: start(env.codes.open), headers: { Authorization: `Bearer ${env.student.revokedToken}` } }), expect: { status: 401, body: M.a2Token } });
  cases.push({ group, name: 'logout, a revoked login token', request: (env) => http({ method: 'DELETE', path: LOGOUT, headers: { Authorization: `Bearer ${env.student.revokedToken}` } }), expect: { status: 401, body: M.a2Token } });
  cases.push({ group, name: 'logout without Authorization', request: () => http({ method: 'DELETE', path: LOGOUT }), expect: { status: 401, body: M.a2Token } });
  cases.push({ group, name: 'logout with an authToken as Bearer', request: (env) => http({ method: 'DELETE', path: LOGOUT, headers: { Authorization: `Bearer ${env.tokenA}` } }), expect: { status: 401, body: M.a2Token } });
  cases.push({ group, name: 'logout with a raw login token (no Bearer)', request: (env) => http({ method: 'DELETE', path: LOGOUT, headers: { Authorization: env.student.loginToken } }), expect: { status: 401, body: M.a2Token } });
  cases.push({ group, name: 'track with a login token instead of an authToken', request: (env) => track(env, [baseStatement(env)], { Authorization: `Bearer ${env.student.loginToken}` }), expect: { status: 401, body: M.token } });
  return cases;
}

function authTokens(): HostileCase[] {
  const group = "another session's authToken and broken authTokens";
  const cases: HostileCase[] = [];
  cases.push({
    group,
    name: "B's token writes to B only, whatever actor the body names",
    request: (env) => track(env, [{ ...baseStatement(env), verb: { id: 'http://x/as-b' } }], { Authorization: env.tokenB }),
    expect: {
      status: 200,
      body: M.success,
      statements: 1,
      check(env) {
        const db = env.collector.context.db;
        assert.equal(storedFor(db, env.tokenB).at(-1)?.statement.verb.id, 'http://x/as-b');
        assert.ok(!storedFor(db, env.tokenA).some((row) => row.statement.verb.id === 'http://x/as-b'));
      },
    },
  });
  const variants: Array<[string, (env: Env) => string]> = [
    ['upper-cased', (env) => env.tokenA.toUpperCase()],
    ['with a character appended', (env) => `${env.tokenA}x`],
    ['missing its last character', (env) => env.tokenA.slice(0, -1)],
    ['with an inner space', (env) => `${env.tokenA.slice(0, 5)} ${env.tokenA.slice(5)}`],
    ['with another scheme', (env) => `Token ${env.tokenA}`],
    ['twice, comma-separated', (env) => `${env.tokenA}, ${env.tokenB}`],
    ['as a LIKE pattern', (env) => `${env.tokenA.slice(0, 4)}%`],
    ['as a glob', () => '*'],
    ['10 KB long', () => 'a'.repeat(10_000)],
    ['Bearer Bearer', (env) => `Bearer Bearer ${env.tokenA}`],
  ];
  for (const [name, make] of variants) {
    cases.push({ group, name: `track, token ${name}`, request: (env) => track(env, [baseStatement(env)], { Authorization: make(env) }), expect: { status: 401, body: M.token } });
  }
  cases.push({ group, name: 'end, unknown token', request: () => json(END, {}, { Authorization: 'nope' }), expect: { status: 401, body: M.token } });
  cases.push({ group, name: 'end, no token', request: () => json(END, {}), expect: { status: 401, body: M.token } });
  cases.push({
    group,
    name: 'two Authorization headers, the first one wrong',
    request: (env) => http({ path: TRACK, headers: { 'Content-Type': 'application/json', Authorization: 'wrong', authorization: env.tokenA }, body: JSON.stringify([baseStatement(env)]) }),
    expect: { status: 401, body: M.token },
  });
  cases.push({ group, name: 'X-Gleaner-User is ignored on members-only start (C-3.1)', request: (env) => http({ path: start(env.codes.members), headers: { 'X-Gleaner-User': env.student.username } }), expect: { status: 401, body: M.notAuthorizedJoin } });
  return cases;
}

export const authCases = (): HostileCase[] => [...jwts(), ...authTokens()];
