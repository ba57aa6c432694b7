import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import type { SessionRow } from '../../server/admin/api-types.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';
const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';

// A maths game reports each level's progress, then `completed` on the level with no progress (as the trackers do):
// Live read 50 % beside "completed level alg1", as if the student had stopped half-way.
describe("Live's Progress after a level is completed", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard | undefined;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  const statement = (start: StartAnswer, verb: string, object: string, type: string, result?: Record<string, unknown>) => ({
    actor: start.actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: `${start.objectId}/${object}`, definition: { type: `${TYPES}${type}` } },
    timestamp: new Date().toISOString(),
    ...(result ? { result } : {}),
  });
  const percentOf = (row: Locator) => row.getByRole('progressbar').getAttribute('aria-valuenow');

  test("reads 100 % beside the level's completion, and the game's own progress stays", { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard as CollectorDashboard;
    const activity = makeActivity(collector.context.db, { name: '1A maths' });
    const levels = await startOk(collector.url, activity.trackingCode);
    const half = await track(collector.url, levels.authToken, [statement(levels, 'progressed', 'level/alg1', 'level', { extensions: { [PROGRESS]: 0.5 } })]);
    assert.equal(half.status, 200, half.text);

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(activity.id);
    const row = page.locator('.live-table tbody tr', { hasText: levels.playerAnimalName });
    await row.locator('.last-action', { hasText: 'progressed in level "alg1"' }).waitFor();
    assert.equal(await percentOf(row), '50');

    const done = await track(collector.url, levels.authToken, [statement(levels, 'completed', 'level/alg1', 'level', { success: true })]);
    assert.equal(done.status, 200, done.text);
    await row.locator('.last-action', { hasText: 'completed level "alg1"' }).waitFor();
    assert.equal(await percentOf(row), '100', 'a completed level is all the way through');

    // A game that reports its own progress: a level completed is not the game finished.
    const game = await startOk(collector.url, activity.trackingCode);
    const played = await track(collector.url, game.authToken, [
      statement(game, 'progressed', 'game/g', 'serious-game', { extensions: { [PROGRESS]: 0.3 } }),
      statement(game, 'completed', 'level/alg1', 'level', { success: true }),
    ]);
    assert.equal(played.status, 200, played.text);
    const gameRow = page.locator('.live-table tbody tr', { hasText: game.playerAnimalName });
    await gameRow.locator('.last-action', { hasText: 'completed level "alg1"' }).waitFor();
    assert.equal(await percentOf(gameRow), '30');

    // The same in the JSON Live reads; the stored progress (what the exports carry) is the game's word.
    const sessions = (await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`)).json as { sessions: SessionRow[] };
    const progressOf = new Map(sessions.sessions.map((session) => [session.player.animalName, session.progress]));
    assert.equal(progressOf.get(levels.playerAnimalName), 1);
    assert.equal(progressOf.get(game.playerAnimalName), 0.3);
    const stored = collector.context.db.prepare('SELECT progress FROM sessions WHERE activity_id = ? ORDER BY id').all(activity.id);
    assert.deepEqual(stored, [{ progress: 0.5 }, { progress: 0.3 }]);
  });
});
