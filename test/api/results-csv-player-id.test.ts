import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

function completedLevel(start: StartAnswer): Record<string, unknown> {
  return {
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `${start.objectId}/level/level1`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
    result: { score: { raw: 7 } },
  };
}

/** The cells of one column of a CSV without quoted commas (a byte-order mark first, as both files start). */
function column(csv: string, name: string): string[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const at = header?.split(',').indexOf(name) ?? -1;
  assert.ok(at >= 0, `no ${name} column in ${header}`);
  return rows.map((row) => row.split(',')[at] as string);
}

test("the results CSV's player_id is the statements export's player_id, so a researcher can join the two files", async () => {
  const { db, writer } = collector.context;
  const group = await writer.run((tx) => createClass(tx, '3B'));
  await createAccounts(db, (job) => writer.run(job), group.id, [{ username: 'ana', password: 'sol-y-luna' }]);
  const activity = makeActivity(db, { name: 'Fractions', classId: group.id });

  const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'sol-y-luna' });
  const token = (login.json as { user: { token: string } }).user.token;
  const student = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
  const anonymous = await startOk(collector.url, activity.trackingCode);
  for (const start of [student, anonymous]) assert.equal((await track(collector.url, start.authToken, [completedLevel(start)])).status, 200);

  const results = await request(`${collector.url}/admin/api/activities/${activity.id}/results.csv`);
  assert.equal(results.status, 200, results.text);
  const exported = await request(`${collector.url}/admin/api/data/export?format=csv&activity=${activity.trackingCode}`);
  assert.equal(exported.status, 200, exported.text);

  const inResults = column(results.text, 'player_id').sort();
  const inExport = [...new Set(column(exported.text, 'player_id'))].sort();
  // The student by username, the anonymous player by the playerId its game holds: what aula export --player takes.
  assert.deepEqual(inResults, ['ana', anonymous.playerId].sort());
  assert.deepEqual(inResults, inExport);
});
