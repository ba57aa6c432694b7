import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';

test("a student's account is deleted for good once their data is erased; before, nothing is deleted", async () => {
  const collector = await startTestCollector();
  const { db, writer } = collector.context;
  const classB = await writer.run((tx) => createClass(tx, '3B'));
  await createAccounts(db, (job) => writer.run(job), classB.id, [
    { username: 'ana', password: 'ana-secret-pw', name: 'Ana Quintanilla', email: 'ana.quintanilla@school.test' },
    { username: 'carl', password: 'carl-secret-pw', name: 'Carl Never-Played' },
  ]);
  const activity = makeActivity(db, { name: 'Fractions', classId: classB.id });
  const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'ana-secret-pw' });
  const token = (login.json as { user: { token: string } }).user.token;
  const ana = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal((await track(collector.url, ana.authToken, [statementS(ana.actor)])).status, 200);
  const dataDir = collector.config.dataDir;
  const aula = (...args: string[]) => runAula([...args, '--data-dir', dataDir]);

  const asked = await aula('student', 'delete', 'carl');
  assert.equal(asked.code, 1);
  assert.match(asked.stdout, /Would delete the account of carl \(Carl Never-Played\), in 3B\./);
  assert.match(asked.stderr, /Nothing deleted\. Run again with --yes/);
  const carl = await aula('student', 'delete', 'carl', '--yes');
  assert.equal(carl.code, 0, carl.stderr);
  assert.match((await aula('player', 'access', 'carl')).stderr, /No player or student "carl"/);

  const refused = await aula('student', 'delete', 'ANA', '--yes');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /Nothing deleted: ana still has data in Aula \(1 session\)\. Erase it first \(aula player erase ana --yes\)/);
  assert.match((await aula('student', 'list')).stdout, /ana/);

  assert.equal((await aula('player', 'erase', 'ana', '--yes')).code, 0);
  const deleted = await aula('student', 'delete', 'ana', '--yes');
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.match(deleted.stdout, /Deleted the account of ana/);
  // Her login no longer starts a session.
  const start = await postJson(`${collector.url}/api/collector/start/${activity.trackingCode}`, {}, { Authorization: `Bearer ${token}` });
  assert.notEqual(start.status, 200, start.text);
  await collector.close();
  const stored = fs.readFileSync(path.join(dataDir, 'aula.sqlite')).toString('latin1');
  assert.ok(!stored.includes('Quintanilla'), 'her name is not left in the database file');
});
