import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

// Java and C# trackers: the object id is `<objectId>/<id>`, the type only in definition.type (real-clients.md).
const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

interface Outcome {
  lastObject: string | null;
  lastObjectType: string | null;
  success: boolean | null;
  score: number | null;
  resultObject: string | null;
  resultObjectType: string | null;
  resultOfGame: boolean;
}

async function collectorFor(t: TestContext) {
  const collector = await startTestCollector();
  t.after(() => collector.close());
  const created = await postJson(`${collector.url}/admin/api/activities`, { name: 'Fractions', game: 'Math Quest', allowAnonymous: true });
  const activity = (created.json as { activity: { id: string; trackingCode: string } }).activity;
  return { collector, activity };
}

/** A student's play: a failed level, another level begun and passed, the game finished, then one more level failed. */
function play(actor: unknown, objectId: string) {
  const statement = (verb: string, id: string, type: string, result?: unknown) => ({
    actor,
    verb: { id: verb },
    object: { id: `${objectId}/${id}`, definition: { type: `${TYPES}${type}` } },
    timestamp: new Date().toISOString(),
    ...(result ? { result } : {}),
  });
  return [
    statement(COMPLETED, 'level1', 'level', { success: false, score: { raw: 0.3 } }),
    statement('http://adlnet.gov/expapi/verbs/initialized', 'level2', 'level'),
    statement(COMPLETED, 'level2', 'level', { success: true }),
    statement(COMPLETED, 'MathQuest', 'serious-game', { success: true, score: { raw: 0.9 } }),
    statement(COMPLETED, 'bonus', 'level', { success: false, score: { raw: 0.1 } }),
  ];
}

async function outcome(base: string, activityId: string): Promise<Outcome> {
  const listed = (await request(`${base}/admin/api/activities/${activityId}/sessions`)).json as { sessions: Outcome[] };
  assert.equal(listed.sessions.length, 1);
  return listed.sessions[0] as Outcome;
}

describe("a session's last action and outcome, as Live shows them", () => {
  for (const [how, batches] of [
    ['one statement per batch', (all: unknown[]) => all.map((one) => [one])],
    ['the whole play in one batch', (all: unknown[]) => [all]],
  ] as const) {
    test(`keep the object's type, and a level's outcome is named as the level's until the game sends its own (${how})`, async (t) => {
      const { collector, activity } = await collectorFor(t);
      const start = await startOk(collector.url, activity.trackingCode);
      const statements = play(start.actor, start.objectId);
      const seen: Outcome[] = [];
      for (const batch of batches(statements)) {
        const sent = await track(collector.url, start.authToken, batch);
        assert.equal(sent.status, 200, sent.text);
        seen.push(await outcome(collector.url, activity.id));
      }
      const final = seen.at(-1) as Outcome;
      // The last action reads `completed level "bonus"`: the type came only in the definition.
      assert.equal(final.lastObject, `${start.objectId}/bonus`);
      assert.equal(final.lastObjectType, `${TYPES}level`);
      // The game's own outcome stays the session's over a level failed after it.
      assert.deepEqual(
        { success: final.success, score: final.score, resultObject: final.resultObject, resultOfGame: final.resultOfGame },
        { success: true, score: 0.9, resultObject: `${start.objectId}/MathQuest`, resultOfGame: true },
      );
      if (seen.length === 1) return;
      // Before the game's: the last level's outcome, with the level it belongs to; another level's success does not
      // keep the first level's score.
      assert.deepEqual(
        seen.slice(0, 3).map(({ success, score, resultObject, resultObjectType, resultOfGame }) => ({ success, score, resultObject, resultObjectType, resultOfGame })),
        [
          { success: false, score: 0.3, resultObject: `${start.objectId}/level1`, resultObjectType: `${TYPES}level`, resultOfGame: false },
          { success: false, score: 0.3, resultObject: `${start.objectId}/level1`, resultObjectType: `${TYPES}level`, resultOfGame: false },
          { success: true, score: null, resultObject: `${start.objectId}/level2`, resultObjectType: `${TYPES}level`, resultOfGame: false },
        ],
      );
      assert.equal(seen[1]?.lastObjectType, `${TYPES}level`);
      assert.equal(seen[3]?.lastObjectType, `${TYPES}serious-game`);
    });
  }

});
