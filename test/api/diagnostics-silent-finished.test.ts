import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

const MIN = 60_000;
const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';
/** The laptop's clock as the collector reads it: real time plus this. */
let offset = 0;

describe("Diagnostics' silent games leave out a game that was completed: Live calls it finished, not idle", () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ now: () => Date.now() + offset });
  });
  after(() => collector?.close());

  async function silentGames(): Promise<string[]> {
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as Diagnostics).groups.find((group) => group.kind === 'silent-games')?.items.map((item) => item.detail) ?? [];
  }

  /** A student's game: a level begun, and when `finish`, the game completed as the trackers say it at the end. */
  async function play(trackingCode: string, finish: boolean): Promise<string> {
    const game = await startOk(collector.url, trackingCode);
    const statement = (verb: string, id: string, type: string) => ({
      actor: game.actor,
      verb: { id: verb },
      object: { id: `${game.objectId}/${id}`, definition: { type: `${TYPES}${type}` } },
      timestamp: new Date().toISOString(),
    });
    const batch = [statement('http://adlnet.gov/expapi/verbs/initialized', 'level1', 'level')];
    if (finish) batch.push(statement('http://adlnet.gov/expapi/verbs/completed', 'MathQuest', 'serious-game'));
    const answer = await track(collector.url, game.authToken, batch);
    assert.equal(answer.status, 200, answer.text);
    return `${game.playerAnimalName} · session 1`;
  }

  test('of two games silent 3 minutes, only the one not completed is listed', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const stuck = await play(activity.trackingCode, false);
    const done = await play(activity.trackingCode, true);
    const sessions = await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`);
    const completed = (sessions.json as { sessions: Array<{ player: { animalName: string }; completion: boolean | null }> }).sessions.map(
      (session) => `${session.player.animalName} · session 1 ${session.completion}`,
    );
    assert.deepEqual(completed.sort(), [`${done} true`, `${stuck} null`].sort(), 'Live calls the completed game finished');
    offset += 3 * MIN;
    assert.deepEqual(await silentGames(), [stuck]);
  });
});
