import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { statement, XAPI, type XapiClient, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

describe('/xapi with the real @xapi/xapi client', () => {
  const collector = useTestCollector();
  let xapi: XapiEndpoint;
  let client: XapiClient;
  const setup = () => {
    xapi = xapiEndpoint(collector.current);
    client = new XAPI({ endpoint: xapi.endpoint, auth: XAPI.toBasicAuth(xapi.key, xapi.secret), version: '1.0.3' });
  };

  it('about lists 1.0.3 and 2.0.0 without credentials', async () => {
    setup();
    const anonymous = new XAPI({ endpoint: xapi.endpoint });
    const about = await anonymous.getAbout();
    assert.deepEqual(about.data, { version: ['1.0.3', '2.0.0'] });
  });

  it('sends one statement, then reads it back with server-set properties', async () => {
    const sent = await client.sendStatement({ statement: statement() as never });
    assert.equal(sent.status, 200);
    const [id] = sent.data;
    assert.match(id as string, /^[0-9a-f-]{36}$/);
    const got = await client.getStatement({ statementId: id as string });
    const body = got.data as unknown as Json;
    assert.equal(body.id, id);
    assert.equal(body.version, '1.0.0');
    assert.equal(body.timestamp, body.stored, 'timestamp defaults to stored');
    assert.deepEqual(body.authority, {
      objectType: 'Agent',
      name: 'xAPI activity',
      account: { homePage: 'http://aula.test/', name: xapi.key },
    });
    assert.equal(got.headers['last-modified'], new Date(body.stored as string).toUTCString());
    assert.equal(got.headers['x-experience-api-version'], '1.0.3');
    assert.ok(got.headers['x-experience-api-consistent-through']);
  });

  it('sends a batch and gets the ids in order, its own ids kept', async () => {
    const own = randomUUID();
    const sent = await client.sendStatements({ statements: [statement(), statement({ id: own }), statement()] as never });
    assert.equal(sent.data.length, 3);
    assert.equal(sent.data[1], own);
    assert.equal(new Set(sent.data).size, 3);
  });

  it('re-sending an equal statement is accepted and changes nothing; a different one is a 409', async () => {
    const id = randomUUID();
    const original = statement({ id, timestamp: '2024-05-01T10:00:00.000Z' });
    await client.sendStatement({ statement: original as never });
    const first = (await client.getStatement({ statementId: id })).data as unknown as Json;
    // Same instant in another form, definition and display differences, other key order: still equal.
    const equal = {
      object: { id: 'http://example.com/game/level-1', objectType: 'Activity' },
      timestamp: '2024-05-01T12:00:00+02:00',
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      actor: original.actor,
      id: id.toUpperCase(),
    };
    const again = await client.sendStatement({ statement: equal as never });
    assert.deepEqual(again.data, [id]);
    const after = (await client.getStatement({ statementId: id })).data as unknown as Json;
    assert.deepEqual(after, first, 'the stored statement did not change');
    const conflict = await xapi.call('statements', {
      method: 'POST',
      body: JSON.stringify([statement(), statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } })]),
    });
    assert.equal(conflict.status, 409);
    assert.match((conflict.json as Json).message as string, /already exists with different content/);
    const put = await xapi.call(`statements?statementId=${id}`, { method: 'PUT', body: JSON.stringify(original) });
    assert.equal(put.status, 204);
  });

  it('voids a statement: gone from queries and statementId, served by voidedStatementId', async () => {
    const target = (await client.sendStatement({ statement: statement({ verb: { id: 'http://example.com/verbs/to-void' } }) as never })).data[0] as string;
    const voiding = (await client.voidStatement({ actor: statement().actor as never, statementId: target })).data[0] as string;
    await assert.rejects(client.getStatement({ statementId: target }), (error: { response?: { status: number } }) => error.response?.status === 404);
    const voided = await client.getVoidedStatement({ voidedStatementId: target });
    assert.equal((voided.data as unknown as Json).id, target);
    const byVerb = await client.getStatements({ verb: 'http://example.com/verbs/to-void' });
    const ids = byVerb.data.statements.map((s) => s.id);
    assert.ok(!ids.includes(target), 'the voided statement is not returned');
    assert.ok(ids.includes(voiding), 'the voiding statement matches through its StatementRef');
    const voidVoiding = await xapi.call('statements', {
      method: 'POST',
      body: JSON.stringify(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voiding } })),
    });
    assert.equal(voidVoiding.status, 400);
    assert.match((voidVoiding.json as Json).message as string, /cannot be voided/);
  });

  it('filters match through chains of StatementRefs, and a page of a filter is newest first', async () => {
    const verb = 'http://example.com/verbs/chained';
    const refers = { id: 'http://example.com/verbs/refers' };
    const [first, second] = (await client.sendStatements({ statements: [statement({ verb: { id: verb } }), statement({ verb: { id: verb } })] as never }))
      .data as string[];
    const ref = (id: string) => statement({ verb: refers, object: { objectType: 'StatementRef', id } });
    const [once] = (await client.sendStatements({ statements: [ref(first as string)] as never })).data as string[];
    const [twice] = (await client.sendStatements({ statements: [ref(once as string)] as never })).data as string[];
    // Points at a statement that does not exist (yet): it matches nothing.
    await client.sendStatements({ statements: [ref(randomUUID())] as never });
    const all = await client.getStatements({ verb });
    assert.deepEqual(all.data.statements.map((s) => s.id), [twice, once, second, first]);
    const page = await client.getStatements({ verb, limit: 2 });
    assert.deepEqual(page.data.statements.map((s) => s.id), [twice, once]);
    assert.ok(page.data.more, 'a next page is offered');
  });

  it('a voiding statement that arrives before its target voids it on arrival', async () => {
    const later = randomUUID();
    await client.voidStatement({ actor: statement().actor as never, statementId: later });
    await client.sendStatement({ statement: statement({ id: later }) as never });
    await assert.rejects(client.getStatement({ statementId: later }), (error: { response?: { status: number } }) => error.response?.status === 404);
    assert.equal(((await client.getVoidedStatement({ voidedStatementId: later })).data as unknown as Json).id, later);
  });

  it('filters by agent, activity, registration, since and until', async () => {
    const registration = randomUUID();
    const bea = { objectType: 'Agent', account: { homePage: 'http://school.example.com', name: 'bea' } };
    const sent = await client.sendStatements({
      statements: [
        statement({ actor: bea, context: { registration } }),
        statement({ actor: bea, object: { id: 'http://example.com/game/level-2' }, context: { contextActivities: { parent: [{ id: 'http://example.com/game' }] } } }),
      ] as never,
    });
    const byAgent = await client.getStatements({ agent: bea as never });
    assert.deepEqual(byAgent.data.statements.map((s) => s.id), [...sent.data].reverse());
    const byRegistration = await client.getStatements({ registration });
    assert.deepEqual(byRegistration.data.statements.map((s) => s.id), [sent.data[0]]);
    const parent = await client.getStatements({ activity: 'http://example.com/game' });
    assert.equal(parent.data.statements.length, 0);
    const related = await client.getStatements({ activity: 'http://example.com/game', related_activities: true });
    assert.deepEqual(related.data.statements.map((s) => s.id), [sent.data[1]]);
    const first = (await client.getStatement({ statementId: sent.data[0] as string })).data as unknown as Json;
    const since = await client.getStatements({ agent: bea as never, since: first.stored as string, ascending: true });
    assert.ok(!since.data.statements.some((s) => s.id === sent.data[0]), 'since is exclusive');
    const until = await client.getStatements({ agent: bea as never, until: first.stored as string });
    assert.ok(until.data.statements.some((s) => s.id === sent.data[0]), 'until is inclusive');
  });

  it('pages with more; pages stay stable while new statements arrive', async () => {
    const paging = xapiEndpoint(collector.current, 'Paging');
    const pager = new XAPI({ endpoint: paging.endpoint, auth: XAPI.toBasicAuth(paging.key, paging.secret) });
    const sent = (await pager.sendStatements({ statements: Array.from({ length: 7 }, () => statement()) as never })).data;
    const seen: string[] = [];
    let page = await pager.getStatements({ limit: 3 });
    seen.push(...page.data.statements.map((s) => s.id as string));
    while (page.data.more) {
      assert.match(page.data.more, /^\/xapi\/statements\?more=/);
      await pager.sendStatement({ statement: statement() as never }); // arrives between pages
      page = (await pager.getMoreStatements({ more: page.data.more })) as typeof page;
      seen.push(...page.data.statements.map((s) => s.id as string));
    }
    assert.deepEqual(seen, [...sent].reverse(), 'exactly the statements of the first query, newest first');
  });

  it('statements land in the dashboard model: players, sessions, counters', async () => {
    const model = xapiEndpoint(collector.current, 'Model');
    const registration = randomUUID();
    const post = (body: unknown) => model.call('statements', { method: 'POST', body: JSON.stringify(body) });
    await post([statement({ context: { registration } }), statement({ context: { registration } }), statement()]);
    await post(statement({ actor: { mbox: 'mailto:other@example.com' } }));
    const db = collector.current.context.db;
    const activity = db.prepare('SELECT statements, sessions, players FROM activities WHERE id = ?').get(model.activityId);
    assert.deepEqual({ ...(activity as object) }, { statements: 4, sessions: 3, players: 2 });
    const sessions = db
      .prepare("SELECT source, registration, statements FROM sessions WHERE activity_id = ? ORDER BY id")
      .all(model.activityId);
    assert.deepEqual(sessions.map((s) => ({ ...(s as object) })), [
      { source: 'xapi', registration, statements: 2 },
      { source: 'xapi', registration: null, statements: 1 },
      { source: 'xapi', registration: null, statements: 1 },
    ]);
    // The teacher sees them by the name their game sent (else the e-mail address), marked as xAPI players, not as
    // students of the roster with an `xapi-…` username.
    const listed = (await request(`${collector.current.url}/admin/api/activities/${model.activityId}/sessions`)).json as {
      sessions: Array<{ player: { username: string | null; displayName: string | null; xapi: boolean; kind: string } }>;
    };
    assert.deepEqual(
      [...new Set(listed.sessions.map(({ player }) => JSON.stringify(player, ['kind', 'username', 'displayName', 'xapi'])))].sort(),
      [
        { kind: 'identified', username: null, displayName: 'Ana', xapi: true },
        { kind: 'identified', username: null, displayName: 'other@example.com', xapi: true },
      ].map((player) => JSON.stringify(player)),
    );
  });
});

describe('/xapi when the teacher closes the activity', () => {
  const collector = useTestCollector();

  it('sessions under way keep sending; a statement that would start a new session gets 403 and nothing is kept', async () => {
    const xapi = xapiEndpoint(collector.current, 'Closed at the end of class');
    const post = (body: unknown) => xapi.call('statements', { method: 'POST', body: JSON.stringify(body) });
    const ana = { objectType: 'Agent', account: { homePage: 'http://school.example.com', name: 'ana' } };
    const bea = { objectType: 'Agent', account: { homePage: 'http://school.example.com', name: 'bea' } };
    assert.equal((await post(statement({ actor: ana }))).status, 200);
    setActivityOpen(collector.current.context.db, xapi.trackingCode, false);
    assert.equal((await post(statement({ actor: ana }))).status, 200, 'Ana is still playing');
    const refused = await post([statement({ actor: ana }), statement({ actor: bea })]);
    assert.equal(refused.status, 403);
    assert.equal(
      (refused.json as Json).message,
      'Statement 1 would start a new session, and the activity is closed: its teacher has to open it again',
      'named by its place in the batch: Bea\'s statement has no id the game knows',
    );
    const withId = await post(statement({ actor: bea, id: 'b7c1a9e2-4f3d-4c8e-9a6b-2d5e8f1c3a70' }));
    assert.equal(withId.status, 403);
    assert.match((withId.json as Json).message as string, /^Statement 0 \(b7c1a9e2-4f3d-4c8e-9a6b-2d5e8f1c3a70\) would start a new session/);
    const stored = async () => ((await xapi.call('statements')).json as { statements: unknown[] }).statements.length;
    assert.equal(await stored(), 2, 'nothing of the refused batch was kept, Ana’s statement in it neither');
    setActivityOpen(collector.current.context.db, xapi.trackingCode, true);
    assert.equal((await post(statement({ actor: bea }))).status, 200, 'opened again, Bea starts');
    assert.equal(await stored(), 3);
  });
});
