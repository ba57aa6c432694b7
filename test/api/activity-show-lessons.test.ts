import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';

// The researcher after 1A's day: the activity was closed at the end of the morning and opened again after lunch.
// `aula activity show` says when, in the form --since/--until take, so the morning exports apart from the afternoon.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const play = async (code: string, statements: number) => {
  const session = await startOk(collector.url, code);
  const body = Array.from({ length: statements }, () => ({ ...statementS(session.actor), id: undefined }));
  assert.equal((await track(collector.url, session.authToken, body)).status, 200);
};
const aula = (...args: string[]) => runAula([...args, '--data-dir', collector.config.dataDir]);

test('aula activity show gives the last close and opening, and export --until/--since that opening cut the lessons apart', async () => {
  const maths = makeActivity(collector.context.db, { name: '1A maths' });
  await play(maths.trackingCode, 3);
  const before = await aula('activity', 'show', maths.trackingCode);
  assert.doesNotMatch(before.stdout, /lessons:/, 'never closed: one lesson');

  assert.equal((await adminApi(collector.url, `/activities/${maths.id}/close`, {})).status, 200);
  assert.equal((await adminApi(collector.url, `/activities/${maths.id}/open`, {})).status, 200);
  await play(maths.trackingCode, 2);

  const shown = await aula('activity', 'show', maths.trackingCode);
  assert.equal(shown.code, 0, shown.stderr);
  const line = /^ {2}lessons: {11}closed (\S+), opened again (\S+) \(aula export --until\/--since (\S+) cuts before\/since that opening\)$/m.exec(
    shown.stdout,
  );
  assert.ok(line, shown.stdout);
  const [, closed, opened, cut] = line;
  assert.equal(cut, opened);
  assert.ok(Date.parse(closed ?? '') <= Date.parse(opened ?? ''));

  const [morning, afternoon] = await Promise.all([
    aula('export', '--activity', maths.trackingCode, '--until', opened ?? ''),
    aula('export', '--activity', maths.trackingCode, '--since', opened ?? ''),
  ]);
  assert.equal(morning.code, 0, morning.stderr);
  assert.equal(morning.stdout.trim().split('\n').length, 3, 'the morning');
  assert.equal(afternoon.stdout.trim().split('\n').length, 2, 'the afternoon');
});
