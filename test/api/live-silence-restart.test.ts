import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

const MIN = 60_000;
let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
const dataDir = tempDir();
let collector: Collector;

after(() => collector?.close());

/** How long Live says each player's game has been silent, in whole minutes (animal name → minutes). */
async function silences(activityId: string): Promise<Record<string, number | undefined>> {
  const answer = await adminApi(collector.url, `/activities/${activityId}/sessions`);
  assert.equal(answer.status, 200, answer.text);
  const { sessions } = answer.json as { sessions: SessionRow[] };
  return Object.fromEntries(sessions.map((s) => [s.player.animalName, s.silentMs === undefined ? undefined : Math.floor(s.silentMs / MIN)]));
}

describe("Live's silence of each game across Aula being off over lunch (docs/clock.md)", () => {
  test('the minutes Aula was off are not counted, with or without an Idle rule on the activity', async () => {
    collector = await startTestCollector({ dataDir, now: () => clock });
    const plain = makeActivity(collector.context.db, { name: 'Fractions' });
    const watched = makeActivity(collector.context.db, { name: 'Geometry' });
    const rules = await request(`${collector.url}/admin/api/activities/${watched.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ idle: { enabled: true, minutes: 3 } }),
    });
    assert.equal(rules.status, 200, rules.text);
    const ana = await startOk(collector.url, plain.trackingCode);
    const ben = await startOk(collector.url, watched.trackingCode);
    for (const game of [ana, ben]) assert.equal((await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }])).status, 200);
    clock += 1 * MIN;
    rulesEngineFor(collector.context).tick();

    // The laptop is shut down over lunch; 40 minutes later Aula starts again.
    await collector.close();
    clock += 40 * MIN;
    collector = await startTestCollector({ dataDir, now: () => clock });
    await rulesEngineFor(collector.context).resumed;
    clock += 0.5 * MIN;
    assert.deepEqual(await silences(plain.id), { [ana.playerAnimalName]: 1 });
    assert.deepEqual(await silences(watched.id), { [ben.playerAnimalName]: 1 });
  });
});
