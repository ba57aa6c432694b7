import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { track } from '../support/rage.js';
import { aulaWithInput } from '../support/serve-process.js';
import { gameStatements, seedClassroom } from './export-support.js';

// Learning Locker's statements service (xapi-statements@5.0.1) with a local redis-server: xapi.md §12.1.
let lrs: LearningLocker;
before(async () => {
  lrs = await startLearningLocker();
});
after(() => lrs?.stop());

async function accountNamesAt(ids: Set<string>): Promise<string[]> {
  const answer = await fetch(`${lrs.endpoint}/statements?limit=1000`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` },
  });
  const { statements } = (await answer.json()) as { statements: Array<{ id: string; actor: { account: { name: string } } }> };
  return statements.filter((statement) => ids.has(statement.id)).map((statement) => statement.actor.account.name);
}

test('an LRS that got statements with playerIds never gets the next ones pseudonymised: one student, one identity there', async () => {
  const collector = await startTestCollector();
  const { starts, sent } = await seedClassroom(collector);
  const dataDir = collector.config.dataDir;
  const upload = (key: string, ...extra: string[]) =>
    aulaWithInput(['upload', '--endpoint', lrs.endpoint, '--username', key, '--password-stdin', '--data-dir', dataDir, ...extra], 'secret\n');
  const idsNow = () => new Set((collector.context.db.prepare('SELECT id FROM statements').all() as Array<{ id: string }>).map((row) => row.id));

  const monday = await upload('key');
  assert.equal(monday.code, 0, monday.stderr);
  const total = sent.reduce((sum, n) => sum + n, 0);
  assert.match(monday.stderr, new RegExp(`Sent ${total},`));

  // Tuesday: the same players play on; the researcher uploads again, this time with --pseudonymize.
  const [ana] = starts;
  assert.ok(ana);
  assert.equal((await track(collector.url, ana.authToken, gameStatements(ana, 3, { context: { extensions: { day: 'tuesday' } } }))).status, 200);
  const tuesday = await upload('key', '--pseudonymize');
  assert.equal(tuesday.code, 1);
  assert.equal(
    tuesday.stderr.split('\n').filter((line) => line.startsWith('aula: ')).join('\n'),
    `aula: Nothing sent. ${total} statements went to this LRS (key "key") with usernames and playerIds (without --pseudonymize); sending the rest pseudonymised would give each student a second identity there. Make the same choice as before, or upload to another LRS store (another key).`,
  );
  const names = await accountNamesAt(idsNow());
  assert.equal(names.length, total, 'nothing of Tuesday was sent');

  // The dashboard's upload is held to the same choice.
  const started = await postJson(`${collector.url}/admin/api/data/upload`, { endpoint: lrs.endpoint, username: 'key', password: 'secret', pseudonymize: true });
  assert.equal(started.status, 202, started.text);
  let job: { state: string; error: string | null } | undefined;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = ((await request(`${collector.url}/admin/api/data/upload/status`)).json as { job: typeof job }).job;
  } while (job?.state === 'running');
  assert.equal(job?.state, 'failed');
  assert.match(job?.error ?? '', /^Nothing sent\. \d+ statements went to this LRS \(key "key"\) with usernames and playerIds/);

  // The same choice as Monday sends Tuesday's statements, under Ana's one identity.
  const again = await upload('key');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /Sent 3, already there 0/);
  const after = await accountNamesAt(idsNow());
  assert.equal(after.length, total + 3);
  assert.ok(after.every((name) => starts.some((start) => start.playerId === name)));

  await collector.close();
});
