import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ActivityResults } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { statement, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

/**
 * An xAPI game on the standard ADL vocabulary (no serious-games profile), as one built with TinCanJS or @xapi/xapi
 * sends it to /xapi/statements: its end is `completed` on its own Activity Streams `game` or ADL `course` object.
 * Live, the Idle rule and the Results' share of students who finished must call it finished then, and not before:
 * a level, a question or a test completed is not the end of the game.
 */
const MIN = 60_000;
const ADL_VERB = 'http://adlnet.gov/expapi/verbs/';
const GAME = 'http://activitystrea.ms/schema/1.0/game';
const COURSE = 'http://adlnet.gov/expapi/activities/course';
const MODULE = 'http://adlnet.gov/expapi/activities/module';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';

let clock = Date.UTC(2026, 2, 3, 9, 0, 0);
let collector: Collector;

const agent = (name: string) => ({ objectType: 'Agent', name, account: { homePage: 'http://school.example/', name: name.toLowerCase() } });

/** One ADL-vocabulary statement by `name` about `http://example.com/fractions/<path>` of `type`. */
function said(name: string, verb: string, path: string, type: string, result?: Record<string, unknown>) {
  return statement({
    actor: agent(name),
    verb: { id: `${ADL_VERB}${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: `http://example.com/fractions/${path}`, definition: { type, name: { 'en-US': path } } },
    ...(result ? { result } : {}),
    timestamp: new Date(clock).toISOString(),
  });
}

/** POST /xapi/statements on the collector running now (its port changes after a restart), with the activity's key. */
async function post(xapi: XapiEndpoint, ...statements: unknown[]): Promise<void> {
  const answer = await request(`${collector.url}/xapi/statements`, {
    method: 'POST',
    headers: { Authorization: xapi.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify(statements),
  });
  assert.equal(answer.status, 200, answer.text);
}

/** Live's sessions: each student's display name and the session's `completion`. */
async function finished(xapi: XapiEndpoint): Promise<Record<string, boolean | null>> {
  const answer = await adminApi(collector.url, `/activities/${xapi.activityId}/sessions`);
  assert.equal(answer.status, 200, answer.text);
  const { sessions } = answer.json as { sessions: Array<{ player: { displayName: string | null }; completion: boolean | null }> };
  return Object.fromEntries(sessions.map((session) => [session.player.displayName ?? '?', session.completion]));
}

/** A game played up to its last level: a module completed, a question answered and a test passed on the way. */
async function playToTheLastLevel(xapi: XapiEndpoint, name: string, whole: { path: string; type: string }): Promise<void> {
  await post(
    xapi,
    said(name, 'initialized', whole.path, whole.type),
    said(name, 'completed', 'level-1', MODULE, { completion: true, success: true }),
    said(name, 'answered', 'level-2/q1', INTERACTION, { response: 'b', success: true, completion: true }),
    said(name, 'completed', 'level-2/q1', INTERACTION),
    said(name, 'passed', 'level-2/test', ASSESSMENT, { success: true, completion: true, score: { scaled: 0.8 } }),
  );
}

describe('an xAPI game on the ADL vocabulary is finished by `completed` on its own game or course object', () => {
  before(async () => {
    collector = await startTestCollector({ now: () => clock });
  });
  after(() => collector?.close());

  test("Live's finished: after `completed` on the game or the course, not after a level's, a question's or a test's", async () => {
    const xapi = xapiEndpoint(collector, 'Fractions (ADL)');
    await playToTheLastLevel(xapi, 'Ana', { path: 'game', type: GAME });
    await playToTheLastLevel(xapi, 'Ben', { path: 'course', type: COURSE });
    // Judged, not ended: xAPI keeps success apart from completion.
    await post(xapi, said('Ben', 'passed', 'course', COURSE, { success: true }));
    assert.deepEqual(await finished(xapi), { Ana: null, Ben: null }, 'a module, a question and a test completed do not finish the game');

    await post(xapi, said('Ana', 'completed', 'game', GAME, { success: true }), said('Ben', 'completed', 'course', COURSE));
    assert.deepEqual(await finished(xapi), { Ana: true, Ben: true });
  });

  test('the Idle alert leaves a student who finished alone, also after a restart', async () => {
    const xapi = xapiEndpoint(collector, 'Fractions (ADL), idle');
    const rules = await adminApi(collector.url, `/activities/${xapi.activityId}/rules`, { idle: { enabled: true, minutes: 2 } }, 'PUT');
    assert.equal(rules.status, 200, rules.text);
    await playToTheLastLevel(xapi, 'Cara', { path: 'game', type: GAME });
    await playToTheLastLevel(xapi, 'Dani', { path: 'game', type: GAME });
    // Cara finishes and leaves the game open on her screen (no `terminated`); Dani is still on the last level.
    await post(xapi, said('Cara', 'completed', 'game', GAME, { success: true, score: { scaled: 0.9 } }));

    const idle = async (): Promise<string[]> => {
      rulesEngineFor(collector.context).tick();
      await rulesEngineFor(collector.context).flush();
      const answer = await adminApi(collector.url, `/alerts?activity=${xapi.activityId}`);
      assert.equal(answer.status, 200, answer.text);
      const { students } = answer.json as { students: Array<{ player: { displayName: string | null }; items: Array<{ rule: string }> }> };
      return students.filter((s) => s.items.some((item) => item.rule === 'idle')).map((s) => s.player.displayName ?? '?');
    };
    clock += 5 * MIN;
    assert.deepEqual(await idle(), ['Dani'], 'Cara finished the game: she is not idle');

    // The rules keep what they know in memory: after a restart Cara is still done, whatever she sends after the end.
    const { dataDir } = collector.config;
    await collector.close();
    collector = await startTestCollector({ dataDir, now: () => clock });
    await post(xapi, said('Cara', 'experienced', 'credits', 'http://adlnet.gov/expapi/activities/media'), said('Dani', 'answered', 'level-3/q1', INTERACTION, { response: 'a', success: false }));
    clock += 5 * MIN;
    assert.deepEqual(await idle(), ['Dani']);
  });

  test("Results' share of students who finished counts the one who completed the course, not the one who passed its test", async () => {
    const xapi = xapiEndpoint(collector, 'Fractions (ADL), results');
    await playToTheLastLevel(xapi, 'Eva', { path: 'course', type: COURSE });
    await playToTheLastLevel(xapi, 'Fran', { path: 'course', type: COURSE });
    await post(xapi, said('Eva', 'completed', 'course', COURSE, { success: true, score: { raw: 9, max: 10 } }));
    const results = await adminApi(collector.url, `/activities/${xapi.activityId}/results`);
    assert.equal(results.status, 200, results.text);
    const { aggregates } = results.json as ActivityResults;
    assert.equal(aggregates.completionRate, 0.5, 'one of the two students finished');
    // The levels chart names the course as the whole game, its module as a part.
    const whole = aggregates.objects.filter((object) => object.wholeGame).map((object) => object.name);
    assert.deepEqual(whole, ['course']);
    assert.ok(aggregates.objects.some((object) => !object.wholeGame), 'its parts are not the whole game');
  });
});
