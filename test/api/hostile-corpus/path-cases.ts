import { M } from './messages.js';
import { END, LOGIN, LOGOUT, start, TRACK, XAPI } from './support.js';
import type { HostileCase } from './types.js';
import { http } from './wire.js';

function traversal(): HostileCase[] {
  const group = 'path traversal and odd path parameters';
  const cases: HostileCase[] = [];
  const codes = [
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%5C..%5Cwindows%5Cwin.ini',
    '%252e%252e%252f%252e%252e%252f',
    '..%c0%af..%c0%afetc',
    '%2Fetc%2Fpasswd',
    'C%3A%5Cboot.ini',
    'file%3A%2F%2F%2Fetc%2Fpasswd',
    'code%3Fadmin%3Dtrue',
    'code%23fragment',
    'x'.repeat(4_000),
  ];
  // An undecodable one (`%c0%af`) too: it is no code either (rage-router.ts).
  for (const code of codes) {
    cases.push({
      group,
      name: `start/${code.length > 60 ? `<${code.length} characters>` : code}`,
      request: () => http({ path: start(code) }),
      expect: { status: 404, body: M.noCode },
    });
  }
  for (const path of ['/api/collector/start/../../../admin/api/overview', '/api/collector/start/a/b', '/api/collector/../../etc/passwd', '/api/collector/start/', '/api/collector/start']) {
    cases.push({ group, name: `unnormalised path ${path}`, request: () => http({ path }), expect: { status: 404, body: M.notFound } });
  }
  cases.push({ group, name: 'tracking code of 20 000 characters: headers too large', request: () => http({ path: start('x'.repeat(20_000)) }), expect: { status: 431, body: '' } });
  // The dashboard folder is served statically; nothing outside it may come back, whatever the encoding.
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e%252fsecret.txt', '/....//secret.txt', '/.%2e/secret.txt', '//secret.txt']) {
    cases.push({
      group,
      name: `dashboard GET ${path}`,
      request: () => http({ method: 'GET', path }),
      expect: (env) => ({ status: [200, 400, 403, 404], excludes: env.secret }),
    });
  }
  cases.push({
    group,
    name: 'xAPI statementId with a path',
    request: (env) => http({ method: 'GET', path: `${XAPI}?statementId=..%2F..%2Fetc%2Fpasswd`, headers: { Authorization: env.xapiAuth, 'X-Experience-API-Version': '1.0.3' } }),
    expect: { status: 400, body: '{"message":"statementId must be a UUID"}' },
  });
  for (const path of ['/admin/api/activities/..%2F..%2Fetc%2Fpasswd', '/admin/api/players/%2e%2e%2f%2e%2e', '/admin/api/activities/x%00y/sessions']) {
    cases.push({ group, name: `admin ${path}`, request: () => http({ method: 'GET', path }), expect: { status: [400, 403, 404], body: /^\{"error":\{"reason":"[a-z-]+","message":/ } });
  }
  return cases;
}

function methods(): HostileCase[] {
  const group = 'unknown methods';
  const cases: HostileCase[] = [];
  const routes = [start('code'), TRACK, END];
  for (const path of routes) {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND']) {
      cases.push({ group, name: `${method} ${path}`, request: () => http({ method, path }), expect: { status: 404, body: M.notFound } });
    }
  }
  cases.push({ group, name: `HEAD ${TRACK}`, request: () => http({ method: 'HEAD', path: TRACK }), expect: { status: 404, body: '' } });
  cases.push({ group, name: `GET ${LOGIN}`, request: () => http({ method: 'GET', path: LOGIN }), expect: { status: 404, body: M.notFound } });
  cases.push({ group, name: `POST ${LOGOUT}`, request: () => http({ method: 'POST', path: LOGOUT }), expect: { status: 404, body: M.notFound } });
  for (const method of ['DELETE', 'PATCH']) {
    cases.push({
      group,
      name: `${method} ${XAPI}`,
      request: (env) => http({ method, path: XAPI, headers: { Authorization: env.xapiAuth, 'X-Experience-API-Version': '1.0.3' } }),
      expect: { status: 405, body: `{"message":"Method ${method} is not allowed on /statements"}` },
    });
  }
  // Not methods Node's parser knows: refused before any route, connection closed.
  for (const method of ['FOO', 'GETT', 'P0ST']) {
    cases.push({ group, name: `${method} ${TRACK}`, request: () => http({ method, path: TRACK }), expect: { status: 400, body: '' } });
  }
  cases.push({ group, name: 'CONNECT tunnelling request', request: () => http({ method: 'CONNECT', path: 'evil.example:443' }), expect: { status: [null, 400, 404] } });
  cases.push({ group, name: 'HTTP/1.1 without Host', request: () => ({ bytes: Buffer.from('POST /api/collector/track HTTP/1.1\r\nConnection: close\r\n\r\n') }), expect: { status: [400, 401] } });
  cases.push({ group, name: 'garbage instead of a request line', request: () => ({ bytes: Buffer.from('\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003') }), expect: { status: [null, 400] } });
  return cases;
}

export const pathCases = (): HostileCase[] => [...traversal(), ...methods()];
