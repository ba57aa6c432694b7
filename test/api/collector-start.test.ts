import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { findVersion } from '../../server/store/games-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { PREFIXES, type StartAnswer, start, startOk } from '../support/rage.js';
import { rawRequest, requestHead } from '../support/raw-http.js';

const BEARER =
  "{\"message\":\"Authorization header found but the expected format is 'Bearer JSON Web Token' obtained by logging in to A2\"}";
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let collector: Collector;
let a1: Activity;
let a2: Activity;

before(async () => {
  collector = await startTestCollector({ homePage: 'http://aula.test/' });
  a1 = makeActivity(collector.context.db, { name: 'A1' });
  a2 = makeActivity(collector.context.db, { name: 'A2', allowAnonymous: false });
});
after(() => collector.close());

/** The checks of contract §13.2 case 3 for an anonymous start. */
function assertAnonymousStart(answer: StartAnswer, session: number): void {
  assert.equal(typeof answer.authToken, 'string');
  assert.match(answer.authToken, /^[A-Za-z0-9]{22,}$/);
  assert.equal(typeof answer.objectId, 'string');
  assert.match(answer.objectId, /^http/);
  assert.ok(!answer.objectId.endsWith('/'));
  assert.equal(answer.playerAnimalName, answer.actor.name);
  assert.match(answer.playerAnimalName, /^[a-z]+-[a-z]+-[a-z]+$/);
  assert.match(answer.playerId, /^[A-Za-z0-9]+$/);
  assert.equal(answer.actor.account.name, 'Anonymous');
  assert.equal(answer.actor.account.homePage, 'http://aula.test/');
  assert.equal(answer.session, session);
  assert.match(answer.firstSessionStarted, ISO_MS);
  assert.match(answer.currentSessionStarted, ISO_MS);
  if (session === 1) assert.equal(answer.firstSessionStarted, answer.currentSessionStarted);
}

for (const prefix of PREFIXES) {
  describe(`start on ${prefix}`, () => {
    it('case 1: answers 412 until the activity is opened, then 200', async () => {
      const closed = makeActivity(collector.context.db, { name: 'later', open: false });
      const refused = await start(collector.url, closed.trackingCode, { prefix });
      assert.equal(refused.status, 412);
      assert.equal(refused.text, '{"message":"Activity is not started"}');
      setActivityOpen(collector.context.db, closed.trackingCode, true);
      assert.equal((await start(collector.url, closed.trackingCode, { prefix })).status, 200);
    });

    it('case 2: a non-JWT Authorization gets 400 with the original text', async () => {
      const answer = await start(collector.url, a1.trackingCode, { prefix, headers: { Authorization: 'Non JWT Compliant Format' } });
      assert.equal(answer.status, 400);
      assert.equal(answer.text, BEARER);
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    });

    it('case 3: an anonymous start answers every field of C-5.7', async () => {
      assertAnonymousStart(await startOk(collector.url, a1.trackingCode, { prefix }), 1);
    });

    it('case 9: continuing an anonymous player counts its sessions; "" starts a new player', async () => {
      const first = await startOk(collector.url, a1.trackingCode, { prefix });
      const sequence: Array<[string, number]> = [
        [first.playerId, 2],
        [first.playerId, 3],
        ['', 1],
        [first.playerId, 4],
        ['', 1],
        [first.playerId, 5],
      ];
      for (const [anonymous, expected] of sequence) {
        const answer = await startOk(collector.url, a1.trackingCode, { prefix, body: { anonymous } });
        assertAnonymousStart(answer, expected);
        if (anonymous !== '') {
          assert.equal(answer.playerId, first.playerId);
          assert.equal(answer.actor.name, first.actor.name);
          assert.equal(answer.firstSessionStarted, first.firstSessionStarted);
        } else {
          assert.notEqual(answer.playerId, first.playerId);
        }
      }
    });

    it('case 12: an unknown anonymous id gets 404 naming the trimmed id', async () => {
      const answer = await start(collector.url, a1.trackingCode, { prefix, body: { anonymous: ' nonExistantPlayerId ' } });
      assert.equal(answer.status, 404);
      assert.equal(
        answer.text,
        '{"message":"No anonymous player found with id nonExistantPlayerId. Start a new anonymous session without providing any body in this request."}',
      );
    });

    it('case 12b: an anonymous id of spaces only is trimmed and not found (404), as the contract and the original say', async () => {
      const answer = await start(collector.url, a1.trackingCode, { prefix, body: { anonymous: '   ' } });
      assert.equal(answer.status, 404);
      assert.equal(
        answer.text,
        '{"message":"No anonymous player found with id . Start a new anonymous session without providing any body in this request."}',
      );
    });

    it('case 13: after the activity is closed new starts get 412', async () => {
      const activity = makeActivity(collector.context.db, { name: 'to close' });
      assert.equal((await start(collector.url, activity.trackingCode, { prefix })).status, 200);
      setActivityOpen(collector.context.db, activity.trackingCode, false);
      assert.equal((await start(collector.url, activity.trackingCode, { prefix })).status, 412);
    });

    it('cases 20-22, 29, 30: unknown code 404, anonymous on a class-only activity 401, bad anonymous types', async () => {
      const unknown = await start(collector.url, 'no-such-code', { prefix });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.text, '{"message":"Tracking code not available!"}');
      const refused = await start(collector.url, a2.trackingCode, { prefix });
      assert.equal(refused.status, 401);
      assert.equal(refused.text, '{"message":"Not authorized to join this activity"}');
      for (const anonymous of [123, true, { id: 'x' }, ['x']]) {
        const wrongType = await start(collector.url, a1.trackingCode, { prefix, body: { anonymous } });
        assert.equal(wrongType.status, 400);
        assert.equal(
          wrongType.text,
          '{"message":"The anonymous field must be a string with a playerId returned by a previous start"}',
        );
      }
      assert.equal((await start(collector.url, 'no-such-code', { prefix, body: { anonymous: 123 } })).status, 404);
      const gleaner = await start(collector.url, a2.trackingCode, { prefix, headers: { 'X-Gleaner-User': 'dan' } });
      assert.equal(gleaner.status, 401);
      const asAnonymous = await startOk(collector.url, a1.trackingCode, { prefix, headers: { 'X-Gleaner-User': 'dan' } });
      assert.equal(asAnonymous.actor.account.name, 'Anonymous');
    });

    it('C-5.4: the precedence examples', async () => {
      const garbage = { Authorization: 'garbage' };
      assert.equal((await start(collector.url, 'no-such-code', { prefix, headers: garbage })).status, 404);
      const closed = makeActivity(collector.context.db, { name: 'closed', open: false });
      assert.equal((await start(collector.url, closed.trackingCode, { prefix, headers: garbage })).status, 412);
      assert.equal((await start(collector.url, a2.trackingCode, { prefix, headers: garbage })).status, 401);
      const bearer = await start(collector.url, a1.trackingCode, { prefix, headers: garbage, body: { anonymous: 'x' } });
      assert.equal(bearer.status, 400);
      assert.equal(bearer.text, BEARER);
      const truncated = await start(collector.url, a1.trackingCode, { prefix, body: '{"anonymous":' });
      assert.equal(truncated.status, 400);
      assert.equal(truncated.text, '{"message":"Request body is not valid JSON"}');
    });

    it('case 39: Bearer <earlier authToken> continues that player with the next session', async () => {
      const first = await startOk(collector.url, a1.trackingCode, { prefix });
      const again = await startOk(collector.url, a1.trackingCode, { prefix, headers: { Authorization: `Bearer ${first.authToken}` } });
      assert.equal(again.playerId, first.playerId);
      assert.equal(again.session, 2);
      assert.notEqual(again.authToken, first.authToken);
    });

    it('case 26: a game-version code starts sessions without an activity', async () => {
      const version = findVersion(collector.context.db, a1.versionId);
      assert.ok(version);
      const first = await startOk(collector.url, version.trackingCode, { prefix });
      assert.equal(first.session, 1);
      const second = await startOk(collector.url, version.trackingCode, { prefix, body: { anonymous: first.playerId } });
      assert.equal(second.session, 2);
      assert.equal(second.objectId, first.objectId);
    });
  });
}

describe('start answers, byte for byte', () => {
  it('case 35: compact JSON, keys in the order of C-5.7, session a number', async () => {
    const answer = await start(collector.url, a1.trackingCode);
    assert.doesNotMatch(answer.text.replace(/"(?:[^"\\]|\\.)*"/g, '""'), /\s/);
    const keys = Object.keys(answer.json as object);
    assert.deepEqual(keys, [
      'authToken',
      'actor',
      'playerAnimalName',
      'playerId',
      'objectId',
      'session',
      'firstSessionStarted',
      'currentSessionStarted',
    ]);
    assert.match(answer.text, /"session":\d/);
    assert.match(answer.text, /"actor":\{"account":\{"homePage":"[^"]+","name":"Anonymous"\},"name":"[a-z-]+"\}/);
    // The regexes the Java and C# trackers use (real-clients.md §3).
    const body = answer.json as StartAnswer;
    assert.equal(/"authToken":"(.+?)"/.exec(answer.text)?.[1], body.authToken);
    assert.equal(/"playerId":"(.+?)"/.exec(answer.text)?.[1], body.playerId);
    assert.equal(/"objectId":"(.+?)"/.exec(answer.text)?.[1], body.objectId);
  });

  it('the objectId is the same on every start of one game version', async () => {
    const one = await startOk(collector.url, a1.trackingCode);
    const two = await startOk(collector.url, a1.trackingCode);
    assert.equal(one.objectId, two.objectId);
    assert.equal(one.objectId, `http://aula.test/api/proxy/gleaner/games/${a1.gameId}/${a1.versionId}`);
  });

  it('case 36: every start variant real clients send is accepted', async () => {
    const path = `/api/proxy/gleaner/collector/start/${a1.trackingCode}`;
    const host: [string, string] = ['Host', `127.0.0.1:${collector.port}`];
    // (a) C# 2017: no body, no Content-Type, no Content-Length.
    const csharp = await rawRequest(collector.port, requestHead('POST', path, [['Connection', 'keep-alive'], host]));
    assert.equal(csharp.status, 200);
    // (b) Java: empty form body.
    const java = await rawRequest(
      collector.port,
      requestHead('POST', path, [host, ['Content-type', 'application/x-www-form-urlencoded'], ['Content-Length', '0']]),
    );
    assert.equal(java.status, 200);
    // (c) js: {} as JSON; (d) empty JSON body.
    assert.equal((await start(collector.url, a1.trackingCode, { body: {} })).status, 200);
    const emptyJson = await rawRequest(
      collector.port,
      requestHead('POST', path, [host, ['Content-Type', 'application/json'], ['Content-Length', '0']]),
    );
    assert.equal(emptyJson.status, 200);
    // (e) Java/C# continuation with spaces around the colon.
    const player = (JSON.parse(java.body) as StartAnswer).playerId;
    const body = `{"anonymous" : "${player}"}`;
    const continued = await rawRequest(
      collector.port,
      requestHead('POST', path, [
        ['Accept', 'application/json'],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(body))],
        host,
      ]),
      body,
    );
    assert.equal(continued.status, 200);
    assert.equal((JSON.parse(continued.body) as StartAnswer).session, 2);
    // A form body with anonymous=<id> works as in the original.
    const form = await rawRequest(
      collector.port,
      requestHead('POST', path, [host, ['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String(`anonymous=${player}`.length)]]),
      `anonymous=${player}`,
    );
    assert.equal((JSON.parse(form.body) as StartAnswer).session, 3);
  });

  it('C-5.2: valid JSON that is not an object counts as an empty body', async () => {
    for (const body of ['[]', 'null', '"x"', '5']) {
      assert.equal((await start(collector.url, a1.trackingCode, { body })).status, 200, body);
    }
  });
});
