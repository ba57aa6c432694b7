import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityView } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { openStream } from '../support/event-stream.js';
import { request } from '../support/http.js';
import { aula } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const dataDir = tempDir();
let collector: Collector;

before(async () => {
  collector = await startTestCollector({ dataDir });
});

after(async () => {
  await collector?.close();
});

const resets = (messages: Array<{ event: string; data: Record<string, unknown> }>) =>
  messages.filter((m) => m.event === 'reset' && m.data.reason === 'changed-elsewhere').length;

test('the aula CLI changing the database beside a running server makes open dashboards refetch; a command that only reads does not', { timeout: 30_000 }, async () => {
  const stream = await openStream(`${collector.url}/admin/api/events`);
  try {
    await aula(['activity', 'list', '--data-dir', dataDir]);
    await aula(['stats', '--data-dir', dataDir]);
    // The server looks every second: two looks at least, and nothing to tell.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    assert.equal(resets(stream.messages), 0, 'reading changes nothing');

    const created = JSON.parse(await aula(['activity', 'create', '--name', 'From the terminal', '--json', '--data-dir', dataDir])) as ActivityView;
    await stream.until((messages) => resets(messages) === 1);
    const listed = ((await request(`${collector.url}/admin/api/activities`)).json as { activities: ActivityView[] }).activities;
    assert.deepEqual(
      listed.map((a) => [a.trackingCode, a.open]),
      [[created.trackingCode, true]],
    );

    await aula(['activity', 'close', created.trackingCode, '--data-dir', dataDir]);
    await stream.until((messages) => resets(messages) === 2);
    const closed = ((await request(`${collector.url}/admin/api/activities/${created.id}`)).json as { activity: ActivityView }).activity;
    assert.equal(closed.open, false);
  } finally {
    stream.close();
  }
});
