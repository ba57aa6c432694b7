import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';
import { BODY_LIMIT, type Env, exchange, type HostileCase, hostileCorpus } from './hostile-corpus/index.js';

/**
 * Issue 9: a data-driven corpus of hostile requests against a real collector. Every case gets its answer (a clear
 * 4xx with the contract's body, a closed connection for slow clients, or the contract's lenient acceptance on RAGE
 * track), the stored counts move only as the case says, and after each group the server still answers.
 */
const cases = hostileCorpus();
const groups = [...new Set(cases.map((c) => c.group))];

let collector: Collector;
let env: Env;

function counts(): { statements: number; sessions: number; players: number; tables: number } {
  const db = collector.context.db;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    statements: count('SELECT count(*) AS n FROM statements'),
    sessions: count('SELECT count(*) AS n FROM sessions'),
    players: count('SELECT count(*) AS n FROM players'),
    tables: count("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"),
  };
}

before(async () => {
  const dataDir = tempDir();
  const dashboardDir = path.join(dataDir, 'dashboard');
  fs.mkdirSync(dashboardDir);
  fs.writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>Aula</title>');
  const secret = `secret-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), secret);
  collector = await startTestCollector({
    dataDir,
    config: { bodyLimitBytes: BODY_LIMIT, headersTimeoutMs: 1000, requestTimeoutMs: 2000, dashboardDir },
  });
  const { db, writer } = collector.context;
  const klass = await writer.run((tx) => createClass(tx, 'Hostile class'));
  const password = 'correct-horse-9';
  await createAccounts(db, (job) => writer.run(job), klass.id, [{ username: 'ana', password }]);
  const open = makeActivity(db, { name: 'Open' });
  const closed = makeActivity(db, { name: 'Closed', open: false });
  const members = makeActivity(db, { name: 'Members', allowAnonymous: false, classId: klass.id });
  const a: StartAnswer = await startOk(collector.url, open.trackingCode);
  const b: StartAnswer = await startOk(collector.url, open.trackingCode);
  const login = async () => ((await postJson(`${collector.url}/api/login`, { username: 'ana', password })).json as { user: { _id: string; token: string } }).user;
  const user = await login();
  const revoked = await login();
  const logout = await request(`${collector.url}/api/logout`, { method: 'DELETE', headers: { Authorization: `Bearer ${revoked.token}` } });
  assert.equal(logout.status, 200);
  const credential = activeXapiCredential(db, open.id);
  assert.ok(credential);
  const version = db.prepare('SELECT tracking_code AS code FROM versions WHERE tracking_code IS NOT NULL LIMIT 1').get() as { code: string } | undefined;
  env = {
    collector,
    codes: { open: open.trackingCode, closed: closed.trackingCode, members: members.trackingCode, version: version?.code ?? '' },
    tokenA: a.authToken,
    tokenB: b.authToken,
    actorA: a.actor,
    playerA: a.playerId,
    student: { id: user._id, username: 'ana', password, loginToken: user.token, revokedToken: revoked.token },
    jwtSecret: (db.prepare("SELECT value FROM settings WHERE key = 'jwt_secret'").get() as { value: string }).value,
    xapiAuth: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
    secret,
  };
});
after(() => collector?.close());

async function runCase(hostile: HostileCase): Promise<void> {
  const expected = typeof hostile.expect === 'function' ? hostile.expect(env) : hostile.expect;
  const before = counts();
  const answer = await exchange(collector.port, hostile.request(env));
  assert.ok(answer.closedByServer, 'the server ends the exchange (every request asks for Connection: close)');
  const statuses = Array.isArray(expected.status) ? expected.status : [expected.status];
  assert.ok(statuses.includes(answer.status), `status ${answer.status} (expected ${statuses.join(' or ')}): ${answer.body.slice(0, 300)}`);
  if (typeof expected.body === 'string') assert.equal(answer.body, expected.body);
  else if (expected.body) assert.match(answer.body.slice(0, 2000), expected.body);
  if (answer.status !== null && answer.body !== '') {
    assert.ok(!/\bat .+:\d+:\d+\)?/.test(answer.body), 'no stack trace in the answer (C-2.2)');
  }
  if (expected.excludes) assert.ok(!answer.body.includes(expected.excludes), 'must not leak');
  const afterCounts = counts();
  assert.deepEqual(
    {
      statements: afterCounts.statements - before.statements,
      sessions: afterCounts.sessions - before.sessions,
      players: afterCounts.players - before.players,
      tables: afterCounts.tables - before.tables,
    },
    { statements: expected.statements ?? 0, sessions: expected.sessions ?? 0, players: expected.players ?? 0, tables: 0 },
    'stored counts',
  );
  expected.check?.(env, answer);
}

describe(`hostile input corpus (${cases.length} cases)`, () => {
  for (const group of groups) {
    const inGroup = cases.filter((c) => c.group === group);
    describe(`${group} (${inGroup.length})`, () => {
      for (const hostile of inGroup) it(hostile.name.slice(0, 160), () => runCase(hostile));
      it('the server still answers after this group', async () => {
        const health = await request(`${collector.url}/health`);
        assert.equal(health.status, 200);
        const api = await request(`${collector.url}/api/health`);
        assert.equal(api.text, '{"status":"Available"}');
      });
    });
  }

  it('the original sessions still work after the whole corpus', async () => {
    const answer = await postJson(
      `${collector.url}/api/collector/track`,
      [{ actor: env.actorA, verb: { id: 'http://x/after' }, object: { id: 'http://x/o', definition: { type: 't' } }, timestamp: 't' }],
      { Authorization: env.tokenA },
    );
    assert.equal(answer.text, '{"message":"Success."}');
    const integrity = collector.context.db.pragma('integrity_check', { simple: true });
    assert.equal(integrity, 'ok');
  });
});
