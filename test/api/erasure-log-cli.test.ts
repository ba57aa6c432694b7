import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

// A school's data protection officer asks what was erased on the classroom laptop: `aula erasure list` prints the
// erasure log (when, by whom, where, how many; never who), as the dashboard's API keeps it.

test('aula erasure list: each erasure on one line, the most recent first, with where and how many, never who', async () => {
  const dataDir = tempDir();
  // The games fall silent at once for the whole activity's erasure (it waits for games still playing).
  let minutesLater = 0;
  const collector = await startTestCollector({ dataDir, config: { mdns: false }, now: () => Date.now() + minutesLater * 60_000 });
  const maths = makeActivity(collector.context.db, { name: 'Maths' });
  const history = makeActivity(collector.context.db, { name: 'History' });
  const ana = await startOk(collector.url, maths.trackingCode);
  const ben = await startOk(collector.url, maths.trackingCode);
  const carla = await startOk(collector.url, history.trackingCode);
  for (const [session, count] of [[ana, 2], [ben, 1], [carla, 3]] as const) {
    const statements = Array.from({ length: count }, () => ({ ...statementS(session.actor), id: undefined }));
    assert.equal((await track(collector.url, session.authToken, statements)).status, 200);
  }
  const erase = (body: Record<string, unknown>, path = '/erasures') => adminApi(collector.url, path, { ...body, confirm: true });
  try {
    assert.equal((await erase({ player: ana.playerId, activity: maths.trackingCode })).status, 200);
    assert.equal((await erase({ player: ben.playerId })).status, 200);
    minutesLater = 10;
    const whole = await erase({ trackingCode: history.trackingCode }, `/activities/${history.id}/erase`);
    assert.equal(whole.status, 200, whole.text);
  } finally {
    await collector.close();
  }

  const listed = await runAula(['erasure', 'list', '--data-dir', dataDir]);
  assert.equal(listed.code, 0, listed.stderr);
  const lines = listed.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3, listed.stdout);
  assert.match(lines[0] ?? '', /^\S+Z {2}by .+: every game in History \(code \w+\): 3 statements, 1 session, 0 results, 0 alerts, 1 player record$/);
  assert.match(lines[1] ?? '', /: an anonymous player, everywhere: 1 statement, 1 session, 0 results, 0 alerts, the player record$/);
  assert.match(lines[2] ?? '', new RegExp(`: an anonymous player in Maths \\(code ${maths.trackingCode}\\): 2 statements, 1 session, 0 results, 0 alerts, the player record$`));
  for (const player of [ana, ben, carla]) assert.equal(listed.stdout.includes(player.playerId), false, 'the log never names who');

  const one = await runAula(['erasure', 'list', '--limit', '1', '--json', '--data-dir', dataDir]);
  assert.equal(one.code, 0, one.stderr);
  const answer = JSON.parse(one.stdout) as { erasures: Array<Record<string, unknown>>; more?: boolean };
  assert.equal(answer.more, true);
  assert.deepEqual(
    answer.erasures.map(({ scope, activityName, trackingCode, statements, playersRemoved }) => ({ scope, activityName, trackingCode, statements, playersRemoved })),
    [{ scope: 'whole-activity', activityName: 'History', trackingCode: history.trackingCode, statements: 3, playersRemoved: 1 }],
  );
  const short = await runAula(['erasure', 'list', '--limit', '2', '--data-dir', dataDir]);
  assert.match(short.stdout, /^Older erasures are not listed: aula erasure list --limit 1000 lists up to 1000\.$/m);

  const bad = await runAula(['erasure', 'list', '--limit', 'all', '--data-dir', dataDir]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--limit must be a whole number from 1 to 1000, not "all"\./);
  assert.equal(bad.stdout, '');
});

test('aula erasure list in a data folder where nothing was erased says so', async () => {
  const dataDir = tempDir();
  const collector = await startTestCollector({ dataDir, config: { mdns: false } });
  await collector.close();
  const listed = await runAula(['erasure', 'list', '--data-dir', dataDir]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.equal(listed.stdout, 'No erasure was made here.\n');
});
