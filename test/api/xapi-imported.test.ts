import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { aula } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport } from './export-support.js';
import { statement, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

// Two classrooms' laptops, each with its own home page and so its own namespace (`<homePage>xapi`).
const HOME_B = 'http://laptop-b.test/';
const HOME_A = 'http://laptop-a.test/';

let laptopA: Collector;
/** What laptop B exports (and uploads) of its statements, by id: what any laptop must serve for them. */
let fromB: Map<string, Json>;
let activityId: string;
let playerId: string;

/** GET /xapi/statements on laptop A with the imported activity's own credentials (the import issued them). */
async function getOnA(query: string): Promise<{ status: number; json: Json }> {
  const credential = activeXapiCredential(laptopA.context.db, activityId);
  assert.ok(credential, 'the imported activity has xAPI credentials on laptop A');
  const answer = await request(`${laptopA.url}/xapi/statements${query}`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
    },
  });
  return { status: answer.status, json: answer.json as Json };
}

const idsOf = (answer: { json: Json }) => ((answer.json.statements ?? []) as Json[]).map((s) => String(s.id)).sort();
const param = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

before(async () => {
  const laptopB = await startTestCollector({ homePage: HOME_B });
  const xapi = xapiEndpoint(laptopB, 'Science lab');
  activityId = xapi.activityId;
  // What leans on the collecting laptop's home page and namespace: a RAGE player's account, a tracker's short verb,
  // a relative object id (resolved against the game version's object id), the collector as authority.
  const start = await startOk(laptopB.url, xapi.trackingCode);
  playerId = start.playerId;
  const tracked = await track(laptopB.url, start.authToken, [
    { actor: start.actor, verb: { id: 'skipped' }, object: { id: 'level/lvl 2', definition: { type: 'level' } }, timestamp: '2026-11-27T10:00:00Z' },
    { actor: start.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: `${start.objectId}/level/lvl1`, definition: { type: 'level' } }, timestamp: '2026-11-27T10:00:01Z' },
  ]);
  assert.equal(tracked.status, 200, tracked.text);
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify([statement()]) });
  assert.equal(posted.status, 200, posted.text);

  const bundle = path.join(tempDir('aula-xapi-imported-'), 'bundle.zip');
  const zip = await aulaExport(laptopB.config.dataDir, HOME_B, ['--format', 'zip', '-o', bundle]);
  assert.equal(zip.code, 0, zip.stderr);
  const ndjson = await aulaExport(laptopB.config.dataDir, HOME_B, ['--format', 'ndjson']);
  assert.equal(ndjson.code, 0, ndjson.stderr);
  fromB = new Map(
    ndjson.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Json)
      .map((s) => [String(s.id), s]),
  );
  assert.equal(fromB.size, 3);
  await laptopB.close();

  laptopA = await startTestCollector({ homePage: HOME_A });
  // A game of the same title here: the import merges B's game with it, so the game ids of the two laptops differ.
  xapiEndpoint(laptopA, 'Own activity');
  await aula(['import', bundle, '--data-dir', laptopA.config.dataDir]);
  const games = laptopA.context.db
    .prepare(
      `SELECT DISTINCT v.game_id AS here, o.game_id AS there FROM sessions s JOIN versions v ON v.id = s.version_id
       JOIN origins o ON o.id = s.origin_id WHERE s.activity_id = ?`,
    )
    .all(activityId) as Array<{ here: string; there: string }>;
  assert.equal(games.length, 1);
  assert.notEqual(games[0]?.here, games[0]?.there, "the import merged B's game with A's");
});

describe('GET /xapi/statements serves statements imported from another laptop as that laptop made them', () => {
  test('each statement is the JSON the collecting laptop exports and uploads for it, but for stored: when A stored it', async () => {
    const all = await getOnA('');
    assert.equal(all.status, 200);
    const served = new Map(((all.json.statements ?? []) as Json[]).map((s) => [String(s.id), s]));
    assert.deepEqual([...served.keys()].sort(), [...fromB.keys()].sort());
    // `stored` is when this LRS stored it (docs/clock.md): the import, after B's statements were stored on B.
    const importedAt = (s: Json | undefined) => {
      assert.ok(s && typeof s.stored === 'string' && s.stored >= String(fromB.get(String(s.id))?.stored), JSON.stringify(s?.stored));
      return { ...s, stored: 'on A' };
    };
    for (const [id, expected] of fromB) assert.deepEqual(importedAt(served.get(id)), { ...expected, stored: 'on A' }, id);
    for (const id of fromB.keys()) {
      const single = await getOnA(`?statementId=${id}`);
      assert.deepEqual(importedAt(single.json), { ...fromB.get(id), stored: 'on A' }, id);
    }
  });

  test('agent finds a RAGE player by the account GET shows (the home page of the laptop that collected it)', async () => {
    const rage = [...fromB.values()].filter((s) => (s.authority as Json & { account: Json }).account.name === 'aula-collector');
    assert.equal(rage.length, 2);
    const byB = await getOnA(`?agent=${param({ account: { homePage: HOME_B, name: playerId } })}`);
    assert.deepEqual(idsOf(byB), rage.map((s) => String(s.id)).sort());
    const byA = await getOnA(`?agent=${param({ account: { homePage: HOME_A, name: playerId } })}`);
    assert.deepEqual(idsOf(byA), [], 'laptop A never serves this player with its own home page');
  });

  test("the collector that vouches for them is laptop B's, found with related_agents", async () => {
    const collectorB = { objectType: 'Agent', account: { homePage: HOME_B, name: 'aula-collector' } };
    const found = await getOnA(`?agent=${param(collectorB)}&related_agents=true`);
    assert.equal(idsOf(found).length, 2);
    const collectorA = { objectType: 'Agent', account: { homePage: HOME_A, name: 'aula-collector' } };
    assert.deepEqual(idsOf(await getOnA(`?agent=${param(collectorA)}&related_agents=true`)), []);
  });

  test("verb and activity find them by the IRIs GET shows, in laptop B's namespace", async () => {
    const skipped = [...fromB.values()].find((s) => (s.verb as Json).id === `${HOME_B}xapi/verbs/skipped`);
    assert.ok(skipped, "B serves the short verb under B's namespace");
    assert.deepEqual(idsOf(await getOnA(`?verb=${param((skipped.verb as Json).id)}`)), [String(skipped.id)]);
    const objectIri = String((skipped.object as Json).id);
    assert.ok(objectIri.startsWith(HOME_B), objectIri);
    assert.deepEqual(idsOf(await getOnA(`?activity=${param(objectIri)}`)), [String(skipped.id)]);
    assert.deepEqual(idsOf(await getOnA(`?verb=${param(`${HOME_A}xapi/verbs/skipped`)}`)), []);
  });
});
