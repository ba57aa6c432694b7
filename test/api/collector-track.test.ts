import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { type Activity, setActivityOpen } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { PREFIXES, startOk, statementS, track } from '../support/rage.js';
import { countStatements, storedFor } from '../support/stored.js';

const SUCCESS = '{"message":"Success."}';
const NOT_ARRAY = '{"message":"Statements must be an array!"}';
const ACTOR_MISSING = '{"message":"Statement 0 doesn\'t have a valid format. Error: Actor is missing for statement 0"}';

let collector: Collector;
let a1: Activity;

before(async () => {
  collector = await startTestCollector();
  a1 = makeActivity(collector.context.db, { name: 'A1' });
});
after(() => collector.close());

function without(statement: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = structuredClone(statement);
  for (const key of keys) delete copy[key];
  return copy;
}

for (const prefix of PREFIXES) {
  describe(`track on ${prefix}`, () => {
    it('case 4: stores S augmented with the session data', async () => {
      const started = await startOk(collector.url, a1.trackingCode, { prefix });
      const answer = await track(collector.url, started.authToken, [statementS(started.actor)], prefix);
      assert.equal(answer.status, 200);
      assert.equal(answer.text, SUCCESS);
      const [stored] = storedFor(collector.context.db, started.authToken);
      assert.ok(stored);
      const extensions = stored.statement.object.definition.extensions;
      const gameplay = collector.context.db
        .prepare('SELECT gameplay_id AS id FROM sessions WHERE auth_token = ?')
        .get(started.authToken) as { id: string };
      assert.equal(extensions.gameplayId, gameplay.id);
      assert.equal(extensions.versionId, a1.versionId);
      assert.equal(extensions.activityId, a1.id);
      assert.equal(extensions.session, 1);
      assert.equal(extensions.firstSessionStarted, extensions.currentSessionStarted);
      assert.equal(extensions.currentSessionStarted, started.currentSessionStarted);
      assert.deepEqual(extensions.extensions, { versionId: 'testVersionId', gameplayId: 'testGameplayId' });
      assert.equal(extensions.type, 'defType');
      assert.notEqual(stored.statement.actor.name, started.playerId);
      assert.equal(stored.statement.timestamp, '2016-05-16T11:48:25Z');
      assert.deepEqual(stored.statement.result, statementS(started.actor).result);
    });

    it('case 6 and 23: bodies that are not a non-empty array get 400', async () => {
      const { authToken } = await startOk(collector.url, a1.trackingCode, { prefix });
      for (const body of ['{}', 'null', '[]', '"x"', '5']) {
        const answer = await postJson(`${collector.url}${prefix}/track`, body, { Authorization: authToken });
        assert.equal(answer.status, 400, body);
        assert.equal(answer.text, NOT_ARRAY);
      }
      const noBody = await request(`${collector.url}${prefix}/track`, { method: 'POST', headers: { Authorization: authToken } });
      assert.equal(noBody.status, 400);
      assert.equal(noBody.text, NOT_ARRAY);
    });

    it('cases 7 and 8: statements without actor are refused, naming index 0', async () => {
      const started = await startOk(collector.url, a1.trackingCode, { prefix });
      const s = statementS(started.actor);
      const bodies = [
        [{}],
        [without(s, 'actor', 'verb')],
        [{ ...without(s, 'actor'), verb: {} }],
        [{ ...without(s, 'actor'), verb: { id: 'nourlId' } }],
        [without(s, 'actor', 'object')],
        [{ ...without(s, 'actor'), object: { definition: {} } }],
        [{ ...without(s, 'actor'), object: { id: 'simplestatement' } }],
      ];
      for (const body of bodies) {
        const answer = await track(collector.url, started.authToken, body, prefix);
        assert.equal(answer.status, 400);
        assert.equal(answer.text, ACTOR_MISSING);
      }
      assert.equal(storedFor(collector.context.db, started.authToken).length, 0);
    });

    it('case 9: five parallel tracks of [S,S,S] per session all land with their session number', async () => {
      const first = await startOk(collector.url, a1.trackingCode, { prefix });
      const second = await startOk(collector.url, a1.trackingCode, { prefix, body: { anonymous: first.playerId } });
      for (const started of [first, second]) {
        const s = statementS(started.actor);
        const answers = await Promise.all(
          Array.from({ length: 5 }, () => track(collector.url, started.authToken, [without(s, 'id'), without(s, 'id'), without(s, 'id')], prefix)),
        );
        assert.deepEqual(
          answers.map((answer) => answer.status),
          [200, 200, 200, 200, 200],
        );
      }
      const firstStored = storedFor(collector.context.db, first.authToken);
      const secondStored = storedFor(collector.context.db, second.authToken);
      // The bodies are byte-identical, so the re-send rule (C-6.6 MAY) may fold some of them: at least one lands.
      assert.ok(firstStored.length >= 3);
      for (const row of firstStored) assert.equal(row.statement.object.definition.extensions.session, 1);
      for (const row of secondStored) assert.equal(row.statement.object.definition.extensions.session, 2);
    });

    it('cases 24 and 25: a statement without timestamp rejects the whole batch, naming its index', async () => {
      const started = await startOk(collector.url, a1.trackingCode, { prefix });
      const s = statementS(started.actor);
      const alone = await track(collector.url, started.authToken, [without(s, 'timestamp')], prefix);
      assert.equal(alone.status, 400);
      assert.equal(alone.text, '{"message":"Statement 0 doesn\'t have a valid format. Error: Timestamp is missing for statement 0"}');
      const second = await track(collector.url, started.authToken, [s, without(s, 'timestamp')], prefix);
      assert.equal(second.status, 400);
      assert.equal(second.text, '{"message":"Statement 1 doesn\'t have a valid format. Error: Timestamp is missing for statement 1"}');
      assert.equal(storedFor(collector.context.db, started.authToken).length, 0);
    });

    it('cases 27, 31, 32 and 13: after end, with Bearer, with a trailing slash, after the activity closed', async () => {
      const activity = makeActivity(collector.context.db, { name: 'closing' });
      const started = await startOk(collector.url, activity.trackingCode, { prefix });
      const s = () => ({ ...statementS(started.actor), timestamp: new Date().toISOString(), id: undefined });
      const ended = await postJson(`${collector.url}${prefix}/end`, '', { Authorization: started.authToken });
      assert.equal(ended.status, 200);
      assert.equal((await track(collector.url, started.authToken, [s()], prefix)).status, 200);
      assert.equal((await track(collector.url, `Bearer ${started.authToken}`, [s()], prefix)).status, 200);
      const slash = await postJson(`${collector.url}${prefix}/track/`, [s()], { Authorization: started.authToken });
      assert.equal(slash.status, 200);
      setActivityOpen(collector.context.db, activity.trackingCode, false);
      assert.equal((await track(collector.url, started.authToken, [s()], prefix)).status, 200);
      assert.equal(storedFor(collector.context.db, started.authToken).length, 4);
    });

    it('case 28: track and end with an unknown or missing token get 401', async () => {
      for (const path of ['track', 'end']) {
        const unknown = await postJson(`${collector.url}${prefix}/${path}`, [{}], { Authorization: 'nope' });
        assert.equal(unknown.status, 401);
        assert.equal(unknown.text, '{"message":"Unknown or missing authToken"}');
        const missing = await postJson(`${collector.url}${prefix}/${path}`, [{}]);
        assert.equal(missing.status, 401);
        assert.equal(missing.text, '{"message":"Unknown or missing authToken"}');
      }
    });
  });
}

describe('track: data rules', () => {
  it('case 16: end answers the gameplay record and marks the attempt ended', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const ended = await postJson(`${collector.url}/api/collector/end`, '', { Authorization: started.authToken });
    assert.equal(ended.status, 200);
    const record = ended.json as { playerName: string; playerType: string; sessions: number; attempts: Array<{ authToken: string; end?: string }> };
    assert.equal(record.playerName, started.playerId);
    assert.equal(record.playerType, 'anonymous');
    assert.equal(record.sessions, 1);
    assert.equal(record.attempts[0]?.authToken, started.authToken);
    assert.equal(typeof record.attempts[0]?.end, 'string');
  });

  it('stores a compact body as sent plus the session data, and a pretty-printed one with the same content (issue 8)', async () => {
    const compact = await startOk(collector.url, a1.trackingCode);
    const pretty = await startOk(collector.url, a1.trackingCode);
    const statements = [
      statementS(compact.actor),
      { ...statementS(compact.actor), object: { id: 'http://a.test/level/é"1', definition: { type: 'level', extensions: { 'https://x.test/k': [1, '}'] } } } },
      { ...statementS(compact.actor), result: { score: { raw: 10 }, extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } } },
    ];
    assert.equal((await track(collector.url, compact.authToken, JSON.stringify(statements))).status, 200);
    assert.equal((await track(collector.url, pretty.authToken, JSON.stringify(statements, null, 2))).status, 200);
    const rows = (authToken: string) =>
      collector.context.db
        .prepare('SELECT st.json FROM statements st JOIN sessions s ON s.id = st.session_id WHERE s.auth_token = ? ORDER BY st.seq')
        .all(authToken)
        .map((row) => (row as { json: string }).json);
    const sessionData = (started: typeof compact) => {
      const { gameplayId, firstSessionStarted, currentSessionStarted } = JSON.parse(rows(started.authToken)[0] as string).object.definition.extensions;
      return { gameplayId, versionId: a1.versionId, activityId: a1.id, session: 1, firstSessionStarted, currentSessionStarted };
    };
    // What augmenting the parsed statement and JSON.stringify wrote: the compact body's rows are exactly that text.
    const expected = (started: typeof compact) =>
      statements.map((statement) => {
        const copy = structuredClone(statement) as { object: { definition: { extensions?: Record<string, unknown> } } };
        copy.object.definition.extensions = { ...copy.object.definition.extensions, ...sessionData(started) };
        return JSON.stringify(copy);
      });
    assert.deepEqual(rows(compact.authToken), expected(compact));
    assert.deepEqual(rows(pretty.authToken).map((json) => JSON.parse(json) as unknown), expected(pretty).map((json) => JSON.parse(json) as unknown));
    for (const json of rows(pretty.authToken)) assert.doesNotMatch(json, /\n/, 'stored on one line: an export as received stays one statement per line');

    // A body with a UTF-8 byte-order mark (a .NET StreamWriter's), as the original's parser took it: stored as the rest.
    const marked = await startOk(collector.url, a1.trackingCode);
    const answer = await track(collector.url, marked.authToken, `\uFEFF${JSON.stringify(statements)}`);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(rows(marked.authToken), expected(marked));
  });

  it('case 37: Java and fraction-less timestamps are stored unchanged', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const s = statementS(started.actor);
    const timestamps = ['2026-11-26T09:41:42.241519499Z', '2026-11-26T09:41:42Z'];
    const answer = await track(
      collector.url,
      started.authToken,
      timestamps.map((timestamp) => ({ ...without(s, 'id'), timestamp })),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(
      storedFor(collector.context.db, started.authToken).map((row) => row.statement.timestamp),
      timestamps,
    );
  });

  it('C-6.4: the narrower rules, each with its message', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const s = without(statementS(started.actor), 'id');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...s, actor: { mbox: 'mailto:a@b.c' } }, 'Actor name is missing'],
      [without(s, 'verb'), 'Verb is missing'],
      [{ ...s, verb: { id: 5 } }, 'Verb Id is missing'],
      [{ ...s, verb: { id: 'http://x/' } }, 'Verb Id cannot end with /'],
      [{ ...s, object: { id: 'http://x/', definition: { type: 't' } } }, 'Object Id cannot end with /'],
      [{ ...s, object: { id: 'http://x' } }, 'Object definition type is missing'],
      [{ ...s, object: { id: 'http://x', definition: { type: 'http://t/' } } }, 'Object definition type cannot end with /'],
      [{ ...s, result: { score: 5 } }, 'Result.score.raw should not be undefined or null'],
    ];
    for (const [statement, reason] of cases) {
      const answer = await track(collector.url, started.authToken, [statement]);
      assert.equal(answer.status, 400, reason);
      assert.equal(
        (answer.json as { message: string }).message,
        `Statement 0 doesn't have a valid format. Error: ${reason} for statement 0`,
      );
    }
    const extension = await track(collector.url, started.authToken, [{ ...s, result: { extensions: { 'bad/': 1 } } }]);
    assert.equal(
      (extension.json as { message: string }).message,
      "Statement 0 doesn't have a valid format. Error: Extension bad/ cannot end with / for result of statement 0",
    );
    // Not checked on this route: ids, IRIs, unknown properties, non-IRI extension keys, area types.
    const lenient = await track(collector.url, started.authToken, [
      { ...s, id: 'not-a-uuid', object: { id: 'undefined/level/lvl', definition: { type: 'area' } }, whatever: true },
    ]);
    assert.equal(lenient.status, 200);
  });

  it('C-6.6: an identical re-send is stored once; the same id with other content is kept separately', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const s = { ...statementS(started.actor), id: randomUUID() };
    const before = countStatements(collector.context.db);
    assert.equal((await track(collector.url, started.authToken, [s])).status, 200);
    assert.equal((await track(collector.url, started.authToken, [s])).status, 200);
    assert.equal(countStatements(collector.context.db), before + 1);
    const changed = { ...s, timestamp: '2016-05-16T11:48:26Z' };
    assert.equal((await track(collector.url, started.authToken, [changed])).status, 200);
    const rows = storedFor(collector.context.db, started.authToken);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.id, s.id);
    assert.notEqual(rows[1]?.id, s.id);
    assert.equal(rows[1]?.clientId, s.id);
  });

  it('C-6.6 MAY: a byte-identical re-send of the previous body (js-tracker after a lost answer) is not stored twice', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const body = JSON.stringify([without(statementS(started.actor), 'id')]);
    assert.equal((await track(collector.url, started.authToken, body)).status, 200);
    assert.equal((await track(collector.url, started.authToken, body)).status, 200);
    assert.equal(storedFor(collector.context.db, started.authToken).length, 1);
  });

  it('case 5: a storage failure answers 500 and keeps nothing of the request', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const db = collector.context.db;
    db.exec(`CREATE TRIGGER fail_on_purpose BEFORE INSERT ON statement_rows WHEN NEW.verb_id = 'http://example.com/fail'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    try {
      const s = without(statementS(started.actor), 'id');
      const answer = await track(collector.url, started.authToken, [s, { ...s, verb: { id: 'http://example.com/fail' } }]);
      assert.equal(answer.status, 500);
      assert.equal(answer.text, '{"message":"Internal server error"}');
      assert.equal(storedFor(db, started.authToken).length, 0);
      const session = db.prepare('SELECT statements FROM sessions WHERE auth_token = ?').get(started.authToken) as { statements: number };
      assert.equal(session.statements, 0);
    } finally {
      db.exec('DROP TRIGGER fail_on_purpose');
    }
  });

  it('counters follow the stored statements', async () => {
    const activity = makeActivity(collector.context.db, { name: 'counted' });
    const one = await startOk(collector.url, activity.trackingCode);
    await startOk(collector.url, activity.trackingCode, { body: { anonymous: one.playerId } });
    const two = await startOk(collector.url, activity.trackingCode);
    const s = without(statementS(one.actor), 'id');
    await track(collector.url, one.authToken, [s, s]);
    await track(collector.url, two.authToken, [s]);
    const row = collector.context.db
      .prepare('SELECT statements, sessions, players, anonymous_players AS anonymous FROM activities WHERE id = ?')
      .get(activity.id);
    assert.deepEqual({ ...(row as object) }, { statements: 3, sessions: 3, players: 2, anonymous: 2 });
  });
});

describe('body limits and CORS', () => {
  it('case 38: a body over the limit gets 413, a truncated one 400', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const huge = `[${'"x",'.repeat(3_000_000)}"x"]`;
    const tooLarge = await postJson(`${collector.url}/api/collector/track`, huge, { Authorization: started.authToken });
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.text, '{"message":"Request body is too large"}');
    const truncated = await postJson(`${collector.url}/api/collector/track`, '[{"actor":', { Authorization: started.authToken });
    assert.equal(truncated.status, 400);
    assert.equal(truncated.text, '{"message":"Request body is not valid JSON"}');
  });

  it('accepts a 5 MB batch (js-tracker after a long time offline)', async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const s = without(statementS(started.actor), 'id');
    const batch = Array.from({ length: 12000 }, (_, index) => ({ ...s, timestamp: new Date(index).toISOString() }));
    const body = JSON.stringify(batch);
    assert.ok(Buffer.byteLength(body) > 5 * 1024 * 1024);
    assert.equal((await track(collector.url, started.authToken, body)).status, 200);
    assert.equal(storedFor(collector.context.db, started.authToken).length, 12000);
  });

  it('case 34: OPTIONS answers 200 with the CORS headers, and so do 404 and 400 answers', async () => {
    const preflight = await request(`${collector.url}/api/proxy/gleaner/collector/track`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://game.example', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.text, '');
    for (const answer of [
      preflight,
      await request(`${collector.url}/api/nothing-here`),
      await postJson(`${collector.url}/api/collector/track`, '[', { Authorization: 'x' }),
    ]) {
      assert.equal(answer.headers.get('access-control-allow-origin'), '*');
      assert.equal(answer.headers.get('access-control-allow-headers'), 'Origin, X-Requested-With, Content-Type, Accept, Authorization');
      assert.equal(answer.headers.get('access-control-allow-methods'), 'OPTIONS, GET, POST, PUT, DELETE');
    }
    const notFound = await request(`${collector.url}/api/nothing-here`);
    assert.equal(notFound.status, 404);
    assert.equal(notFound.text, '{"message":"Not found"}');
    const health = await request(`${collector.url}/api/health`);
    assert.equal(health.text, '{"status":"Available"}');
  });
});

describe('a refused batch still says the game is alive', () => {
  it("moves the player's last seen with the session's, as the teacher reads both", async () => {
    const started = await startOk(collector.url, a1.trackingCode);
    const db = collector.context.db;
    const seen = () =>
      db
        .prepare('SELECT s.last_seen AS session, p.last_seen AS player FROM sessions s JOIN players p ON p.id = s.player_id WHERE p.public_id = ?')
        .get(started.playerId) as { session: string; player: string | null };
    assert.equal((await track(collector.url, started.authToken, [statementS(started.actor)])).status, 200);
    const before = seen();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await track(collector.url, started.authToken, [without(statementS(started.actor), 'actor')])).status, 400);
    let later = seen();
    for (let i = 0; i < 100 && later.session === before.session; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      later = seen();
    }
    assert.ok(later.session > before.session, 'the refused batch was recorded as a sign of life');
    assert.equal(later.player, later.session);
  });
});
