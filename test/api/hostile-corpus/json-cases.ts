import { M, X } from './messages.js';
import { baseStatement, END, LOGIN, nest, start, TRACK, track, verbatimCase, XAPI, xapi } from './support.js';
import type { Env, HostileCase } from './types.js';
import { http, json } from './wire.js';

/** The collector in the corpus runs with a 1 MiB body limit (config.bodyLimitBytes). */
export const BODY_LIMIT = 1024 * 1024;
const overLimit = 'x'.repeat(BODY_LIMIT + 10);

const MALFORMED = [
  "[{'actor':1}]",
  '[{},]',
  '[{"a":1}',
  '{"a":}',
  '[NaN]',
  '[undefined]',
  '[Infinity]',
  '// comment\n[{}]',
  '[1 2]',
  '[{"a" 1}]',
  '["unterminated]',
  '[0x10]',
  '[01]',
  '[.5]',
  '["\\x41"]',
  '["\\u12"]',
  '["tab\there"]',
  ']',
  '[}',
  '<statement/>',
  'a=b&c=d',
  '\u0000',
  '[{"a":1}]]',
  '"\\"',
];

function malformed(): HostileCase[] {
  const cases: HostileCase[] = [];
  const group = 'malformed and truncated JSON';
  // Every strict prefix of a JSON array is invalid JSON.
  const valid = JSON.stringify([{ actor: { name: 'n' }, verb: { id: 'v' }, object: { id: 'o' }, timestamp: 't', result: { score: { raw: 1 } } }]);
  for (let cut = 1; cut < valid.length; cut += Math.ceil(valid.length / 16)) {
    cases.push({ group, name: `track truncated at byte ${cut}`, request: (env) => track(env, valid.slice(0, cut)), expect: { status: 400, body: M.json } });
  }
  for (const text of MALFORMED) {
    cases.push({ group, name: `track ${JSON.stringify(text)}`, request: (env) => track(env, text), expect: { status: 400, body: M.json } });
  }
  cases.push({
    group,
    name: 'track of binary garbage',
    request: (env) =>
      http({ path: TRACK, headers: { Authorization: env.tokenA, 'Content-Type': 'application/json' }, body: Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x5b, 0x7b]) }),
    expect: { status: 400, body: M.json },
  });
  for (const text of ['{"anonymous":', '{"anonymous" "x"}', "{'anonymous':'x'}", '{"anonymous":"x",}', '[', '{']) {
    cases.push({
      group,
      name: `start ${JSON.stringify(text)}`,
      request: (env) => json(start(env.codes.open), text),
      expect: { status: 400, body: M.json },
    });
  }
  for (const text of ['{"username":"a","password":', '{"username":"a" "password":"b"}', '{"username":"a\\","password":"b"}']) {
    cases.push({ group, name: `login ${JSON.stringify(text)}`, request: () => json(LOGIN, text), expect: { status: 400, body: M.json } });
  }
  for (const text of ['{"actor":', '[{"actor":{}},', 'nul', "{'verb':1}", '{"a":1}}']) {
    cases.push({ group, name: `xAPI ${JSON.stringify(text)}`, request: (env) => xapi(env, text), expect: { status: 400, body: X.json } });
  }
  for (const text of ['{', '[1,]']) {
    cases.push({
      group,
      name: `end ${JSON.stringify(text)}`,
      request: (env) => json(END, text, { Authorization: env.tokenA }),
      expect: { status: 400, body: M.json },
    });
  }
  return cases;
}

function contentTypes(): HostileCase[] {
  const group = 'wrong content types';
  const cases: HostileCase[] = [];
  for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/json-patch']) {
    cases.push({
      group,
      name: `xAPI with ${type}`,
      request: (env) => xapi(env, JSON.stringify(baseStatement(env)), { 'Content-Type': type }),
      expect: { status: 400, body: X.contentType },
    });
  }
  cases.push({
    group,
    name: 'xAPI multipart/form-data',
    request: (env) => xapi(env, '--x\r\n\r\n{}\r\n--x--', { 'Content-Type': 'multipart/form-data; boundary=x' }),
    expect: { status: 400, body: /^\{"message":"multipart\/mixed requests are not supported"\}$/ },
  });
  cases.push({
    group,
    name: 'xAPI multipart/mixed without the statements as its first part',
    request: (env) => xapi(env, '--x\r\n\r\n{}\r\n--x--', { 'Content-Type': 'multipart/mixed; boundary=x' }),
    expect: { status: 400, body: '{"message":"The first part of a multipart/mixed request must be the statements, as application/json"}' },
  });
  cases.push({
    group,
    name: 'xAPI without Content-Type',
    request: (env) =>
      http({ path: XAPI, headers: { Authorization: env.xapiAuth, 'X-Experience-API-Version': '1.0.3' }, body: JSON.stringify(baseStatement(env)) }),
    expect: { status: 400, body: X.contentType },
  });
  const trackTyped = (type: string, body: string): HostileCase => ({
    group,
    name: `track ${type} body as ${type}`,
    request: (env) => http({ path: TRACK, headers: { Authorization: env.tokenA, 'Content-Type': type }, body }),
    expect: { status: 400, body: M.json },
  });
  cases.push(
    trackTyped('text/xml', '<statements><statement/></statements>'),
    trackTyped('application/x-www-form-urlencoded', 'actor=x&verb=y'),
    trackTyped('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--'),
    trackTyped('application/octet-stream', '\u0001\u0002\u0003'),
    trackTyped('text/csv', 'actor,verb\nx,y'),
  );
  // C-6.1: a track body is JSON whatever its label; a valid one is stored.
  cases.push(verbatimCase(group, 'track of a valid array labelled text/plain is stored', (env) => ({ ...baseStatement(env), label: 'text/plain' }), { 'Content-Type': 'text/plain' }));
  cases.push({
    group,
    name: 'start with JSON type and a form body',
    request: (env) => json(start(env.codes.open), 'anonymous=x'),
    expect: { status: 400, body: M.json },
  });
  cases.push({
    group,
    name: 'start with a +json type and invalid JSON',
    request: (env) => http({ path: start(env.codes.open), headers: { 'Content-Type': 'application/vnd.game+json' }, body: '{x}' }),
    expect: { status: 400, body: M.json },
  });
  cases.push({
    group,
    name: 'login with text/plain garbage counts as no credentials',
    request: () => http({ path: LOGIN, headers: { 'Content-Type': 'text/plain' }, body: 'username=admin' }),
    expect: { status: 401, body: M.missingCredentials },
  });
  return cases;
}

function tooLarge(): HostileCase[] {
  const group = 'bodies over the limit';
  const big = JSON.stringify([{ padding: overLimit }]);
  return [
    { group, name: 'track over the limit', request: (env) => track(env, big), expect: { status: 413, body: M.tooLarge } },
    {
      group,
      name: 'track over the limit, chunked without Content-Length',
      request: (env) => {
        const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
        const body = `${chunk(big.slice(0, 600_000)) + chunk(big.slice(600_000))}0\r\n\r\n`;
        return http({ path: TRACK, headers: { Authorization: env.tokenA, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body });
      },
      expect: { status: 413, body: M.tooLarge },
    },
    {
      group,
      name: 'track declaring a terabyte and sending nothing',
      request: (env) => http({ path: TRACK, headers: { Authorization: env.tokenA, 'Content-Type': 'application/json', 'Content-Length': '1099511627776' } }),
      expect: { status: 413, body: M.tooLarge },
    },
    { group, name: 'track over the limit without a token', request: () => json(TRACK, big), expect: { status: 413, body: M.tooLarge } },
    { group, name: 'start over the limit', request: (env) => json(start(env.codes.open), { anonymous: overLimit }), expect: { status: 413, body: M.tooLarge } },
    {
      group,
      name: 'start over the limit as a form',
      request: (env) => http({ path: start(env.codes.open), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `anonymous=${overLimit}` }),
      expect: { status: 413, body: M.tooLarge },
    },
    { group, name: 'end over the limit', request: (env) => json(END, big, { Authorization: env.tokenA }), expect: { status: 413, body: M.tooLarge } },
    { group, name: 'login over its 64 KiB limit', request: () => json(LOGIN, { username: 'a', password: 'x'.repeat(70_000) }), expect: { status: 413, body: M.tooLarge } },
    { group, name: 'xAPI over the limit', request: (env) => xapi(env, big), expect: { status: 413, body: X.tooLarge } },
  ];
}

function deep(): HostileCase[] {
  const group = 'deep nesting';
  const cases: HostileCase[] = [];
  for (const depth of [65, 1_000, 100_000]) {
    cases.push({ group, name: `track, arrays ${depth} deep`, request: (env) => track(env, nest(depth)), expect: { status: 400, body: M.tooDeep } });
    cases.push({
      group,
      name: `track, objects ${depth} deep`,
      request: (env) => track(env, `[${nest(depth - 1, '{"a":', '}', '1')}]`),
      expect: { status: 400, body: M.tooDeep },
    });
    cases.push({ group, name: `xAPI, ${depth} deep`, request: (env) => xapi(env, nest(depth)), expect: { status: 400, body: M.tooDeep } });
  }
  cases.push({
    group,
    name: 'track, a statement whose extension is 70 deep',
    request: (env) => track(env, JSON.stringify([{ ...baseStatement(env), result: { extensions: { deep: 0 } } }]).replace('"deep":0', `"deep":${nest(70)}`)),
    expect: { status: 400, body: M.tooDeep },
  });
  cases.push({
    group,
    name: 'track, 64 levels exactly is not too deep (judged as a statement)',
    request: (env) => track(env, nest(64)),
    expect: { status: 400, body: M.invalid(0, 'Actor is missing') },
  });
  cases.push(
    verbatimCase(group, 'track, an extension 50 deep is stored', (env) => ({
      ...baseStatement(env),
      result: { extensions: { 'http://x/deep': JSON.parse(nest(50, '{"a":', '}', '"bottom"')) } },
    })),
  );
  cases.push(
    verbatimCase(group, 'track, brackets inside strings do not count', (env) => ({
      ...baseStatement(env),
      result: { extensions: { 'http://x/brackets': '['.repeat(10_000), 'http://x/escaped': `\\"${'{'.repeat(5_000)}` } },
    })),
  );
  cases.push({ group, name: 'start, JSON 1000 deep', request: (env) => json(start(env.codes.open), nest(1000)), expect: { status: 400, body: M.tooDeep } });
  cases.push({
    group,
    name: 'start, 1000 deep but labelled text/plain: an empty body (C-5.2 item 4)',
    request: (env) => http({ path: start(env.codes.open), headers: { 'Content-Type': 'text/plain' }, body: nest(1000) }),
    expect: { status: 200, body: /^\{"authToken":"[A-Za-z0-9]+","actor":/, sessions: 1, players: 1 },
  });
  cases.push({ group, name: 'login, 1000 deep', request: () => json(LOGIN, nest(1000, '{"username":')), expect: { status: 400, body: M.tooDeep } });
  cases.push({ group, name: 'end, 1000 deep', request: (env) => json(END, nest(1000), { Authorization: env.tokenA }), expect: { status: 400, body: M.tooDeep } });
  return cases;
}

function huge(): HostileCase[] {
  const group = 'huge strings and arrays';
  const cases: HostileCase[] = [];
  cases.push({ group, name: 'track, 50 000 empty objects', request: (env) => track(env, Array(50_000).fill({})), expect: { status: 400, body: M.invalid(0, 'Actor is missing') } });
  cases.push({ group, name: 'track, 200 000 zeros', request: (env) => track(env, Array(200_000).fill(0)), expect: { status: 400, body: M.invalid(0, 'Actor is missing') } });
  cases.push({
    group,
    name: 'track, 1000 valid statements then an invalid one: nothing stored',
    request: (env) => track(env, [...Array(1000).fill(baseStatement(env)), { ...baseStatement(env), timestamp: '' }]),
    expect: { status: 400, body: M.invalid(1000, 'Timestamp is missing') },
  });
  cases.push({
    group,
    name: 'track, 1000 valid statements are all stored',
    request: (env) => track(env, Array.from({ length: 1000 }, (_, i) => ({ ...baseStatement(env), verb: { id: `http://x/verb/${i}` } }))),
    expect: { status: 200, body: M.success, statements: 1000 },
  });
  cases.push(verbatimCase(group, 'track, a 900 KB actor name', (env) => ({ ...baseStatement(env), actor: { ...env.actorA, name: 'n'.repeat(900_000) } })));
  cases.push(verbatimCase(group, 'track, a 100 KB extension key', (env) => ({ ...baseStatement(env), result: { extensions: { ['k'.repeat(100_000)]: 1 } } })));
  cases.push(
    verbatimCase(group, 'track, 10 000 extension keys', (env) => ({
      ...baseStatement(env),
      result: { extensions: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`http://x/${i}`, i])) },
    })),
  );
  cases.push(verbatimCase(group, 'track, a 100 000-element array value', (env) => ({ ...baseStatement(env), result: { extensions: { 'http://x/a': Array(100_000).fill(7) } } })));
  cases.push({
    group,
    name: 'start, a 500 KB anonymous id',
    request: (env) => json(start(env.codes.open), { anonymous: 'p'.repeat(500_000) }),
    expect: { status: 404, body: M.noAnonymous('p'.repeat(500_000)) },
  });
  cases.push({
    group,
    name: 'xAPI, 1000 empty statements',
    request: (env) => xapi(env, JSON.stringify(Array(1000).fill({}))),
    expect: { status: 400, body: /^\{"message":"Statement 0 is invalid: / },
  });
  return cases;
}

/** Numbers a double cannot hold parse to Infinity, which would be stored as null: refused, not changed. */
function outOfRange(): HostileCase[] {
  const group = 'numbers beyond a double';
  const withNumber = (env: Env, text: string) =>
    JSON.stringify([{ ...baseStatement(env), result: { extensions: { 'http://x/n': 0 } } }]).replace('"http://x/n":0', `"http://x/n":${text}`);
  const cases: HostileCase[] = [];
  for (const text of ['1e400', '-1E+400', '0.5e309', '9'.repeat(400), `[1,{"a":${'1'.repeat(320)}}]`]) {
    const shown = text.length > 20 ? `${text.slice(0, 12)}… (${text.length} characters)` : text;
    cases.push({ group, name: `track, an extension of ${shown}`, request: (env) => track(env, withNumber(env, text)), expect: { status: 400, body: M.numberOutOfRange } });
    cases.push({ group, name: `xAPI, an extension of ${shown}`, request: (env) => xapi(env, withNumber(env, text)), expect: { status: 400, body: X.numberOutOfRange } });
  }
  cases.push({
    group,
    name: 'track, a score of 1e999',
    request: (env) => track(env, JSON.stringify([{ ...baseStatement(env), result: { score: { raw: 1 } } }]).replace('"raw":1', '"raw":1e999')),
    expect: { status: 400, body: M.numberOutOfRange },
  });
  // What only looks like an overflow (big but finite numbers, underflows, digits inside strings) is stored as sent.
  cases.push(
    verbatimCase(group, 'track, the largest and smallest doubles and overflow-like strings are stored', (env) => ({
      ...baseStatement(env),
      result: {
        extensions: {
          'http://x/max': Number.MAX_VALUE,
          'http://x/min': -Number.MAX_VALUE,
          'http://x/tiny': 5e-324,
          'http://x/text': `1e400 ${'9'.repeat(400)}`,
        },
      },
    })),
  );
  return cases;
}

export const jsonCases = (): HostileCase[] => [...malformed(), ...contentTypes(), ...tooLarge(), ...deep(), ...huge(), ...outOfRange()];
