import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ActivityView, Diagnostics, Overview } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';

const MIN = 60_000;
/** The laptop's clock as the collector reads it: real time plus this. */
let offset = 0;
/** What the rules' pause watch sees of the wall clock beyond real time: only sleeps and clocks set (time passing moves offset alone). */
let jumps = 0;

describe("The header's and Activities' live counts are Live's active: the activity's idle threshold, silence as the Idle rule counts it", () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ now: () => Date.now() + offset });
    rulesEngineFor(collector.context).watchClocks({ wall: () => Date.now() + jumps, monotonic: () => performance.now() });
  });
  after(() => collector?.close());

  async function get<T>(path: string): Promise<T> {
    const answer = await request(`${collector.url}/admin/api${path}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.json as T;
  }

  /** The header's count, the activity's on Activities (the list and the one activity), and its silent games on Diagnostics. */
  async function counts(activity: { id: string; name: string }) {
    const { liveSessions: header } = await get<Overview>('/overview');
    const { activities } = await get<{ activities: ActivityView[] }>('/activities');
    const one = await get<{ activity: ActivityView }>(`/activities/${activity.id}`);
    const diagnostics = await get<Diagnostics>('/diagnostics');
    const silent = diagnostics.groups.find((group) => group.kind === 'silent-games')?.items ?? [];
    return {
      header,
      activities: activities.find((a) => a.id === activity.id)?.liveSessions,
      activity: one.activity.liveSessions,
      silent: silent.filter((item) => item.activity === activity.name).length,
    };
  }

  async function play(trackingCode: string): Promise<void> {
    const game = await startOk(collector.url, trackingCode);
    const answer = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(answer.status, 200, answer.text);
  }

  /** The laptop's clock jumps (asleep, or set by hand): the rules see the wall clock move without real time passing. */
  function jump(ms: number): void {
    // The rules' timer looked at the clocks just before (it does every second; here minutes pass in milliseconds).
    rulesEngineFor(collector.context).tick();
    offset += ms;
    jumps += ms;
  }

  test("with the Idle alert at 10 minutes, a game silent 5 minutes is live everywhere and not a silent game; at 11 it is neither", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const rules = await request(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ idle: { enabled: true, minutes: 10 } }),
    });
    assert.equal(rules.status, 200, rules.text);
    await play(activity.trackingCode);
    offset += 5 * MIN;
    assert.deepEqual(await counts(activity), { header: 1, activities: 1, activity: 1, silent: 0 });
    offset += 6 * MIN;
    assert.deepEqual(await counts(activity), { header: 0, activities: 0, activity: 0, silent: 1 });
  });

  test('after the laptop slept over lunch, a game silent one minute while Aula watched is still live', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Geometry' });
    await play(activity.trackingCode);
    offset += 1 * MIN;
    jump(45 * MIN);
    assert.deepEqual(await counts(activity), { header: 1, activities: 1, activity: 1, silent: 0 });
    offset += 2.5 * MIN;
    assert.deepEqual(await counts(activity), { header: 0, activities: 0, activity: 0, silent: 1 });
  });

  test('after the clock is set back an hour, a game silent 4 minutes is not live', async () => {
    const activity = makeActivity(collector.context.db, { name: 'History' });
    await play(activity.trackingCode);
    offset += 4 * MIN;
    jump(-60 * MIN);
    assert.deepEqual(await counts(activity), { header: 0, activities: 0, activity: 0, silent: 1 });
  });
});
