import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';

const MIN = 60_000;
/** The laptop's clock as the collector reads it: real time plus this. */
let offset = 0;
/** What the rules' pause watch sees of the wall clock beyond real time: only sleeps and clocks set (time passing moves offset alone). */
let jumps = 0;

describe("Diagnostics' silent games count silence as the Idle rule does: not the laptop's sleep, nor a clock set back (docs/clock.md)", () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ now: () => Date.now() + offset });
    rulesEngineFor(collector.context).watchClocks({ wall: () => Date.now() + jumps, monotonic: () => performance.now() });
  });
  after(() => collector?.close());

  async function silentGames(): Promise<string[]> {
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as Diagnostics).groups.find((group) => group.kind === 'silent-games')?.items.map((item) => item.detail) ?? [];
  }

  async function play(trackingCode: string): Promise<string> {
    const game = await startOk(collector.url, trackingCode);
    const answer = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(answer.status, 200, answer.text);
    return `${game.playerAnimalName} · session 1`;
  }

  /** The laptop's clock jumps (asleep, or set by hand): the rules see the wall clock move without real time passing. */
  function jump(ms: number): void {
    // The rules' timer looked at the clocks just before (it does every second; here minutes pass in milliseconds).
    rulesEngineFor(collector.context).tick();
    offset += ms;
    jumps += ms;
  }

  test('a game silent 3 minutes is listed after the clock was set back an hour', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const ana = await play(activity.trackingCode);
    offset += 3 * MIN;
    assert.deepEqual(await silentGames(), [ana]);
    jump(-60 * MIN);
    assert.deepEqual(await silentGames(), [ana], 'still silent 3 minutes, whatever the clock now says');
    // Marked as handled, then another game goes silent: it is listed, though it was last seen "before" the mark.
    const clear = await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'silent-games' });
    assert.equal(clear.status, 200, clear.text);
    assert.deepEqual(await silentGames(), []);
    const ben = await play(activity.trackingCode);
    offset += 3 * MIN;
    assert.deepEqual(await silentGames(), [ben]);
  });

  test('after the laptop slept over lunch, the games that did not come back are listed', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Geometry' });
    await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'silent-games' });
    const cy = await play(activity.trackingCode);
    offset += 1 * MIN;
    jump(45 * MIN);
    assert.deepEqual(await silentGames(), [], 'one minute of silence while Aula was watching');
    offset += 2.5 * MIN;
    assert.deepEqual(await silentGames(), [cy], 'three and a half minutes of silence while Aula was watching');
  });
});
