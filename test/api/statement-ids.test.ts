import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erasePlayer } from '../../server/erasure/erase-player.js';
import { findStatementSeq, statementIdPrefix } from '../../server/store/statement-ids.js';
import { useTestCollector } from '../support/collector.js';
import { startOk, statementS, track } from '../support/rage.js';
import { xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

const V8_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Ids Aula assigns are derived from the statement's place in the store (migration 6, statement-ids.ts). */
describe('statement ids', () => {
  const collector = useTestCollector();

  /** Statement S without its id, at its own time: each one is a new statement. */
  const plain = (actor: unknown, second: number): Json => {
    const { id: _id, ...rest } = statementS(actor);
    return { ...rest, timestamp: `2026-11-26T10:00:${String(second).padStart(2, '0')}Z` };
  };

  async function sendRage(trackingCode: string, statements: Json[]): Promise<{ playerId: string }> {
    const started = await startOk(collector.current.url, trackingCode);
    const answer = await track(collector.current.url, started.authToken, statements);
    assert.equal(answer.status, 200, answer.text);
    return { playerId: started.playerId };
  }

  function idsOf(activityId: string): string[] {
    const rows = collector.current.context.db
      .prepare('SELECT id FROM statements WHERE activity_id = ? ORDER BY seq')
      .all(activityId) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  it('are UUIDs of this installation, distinct, and found again through GET /xapi/statements?statementId', async () => {
    const xapi = xapiEndpoint(collector.current);
    const actor = { name: 'ana', account: { homePage: 'http://example.com', name: 'ana' } };
    await sendRage(xapi.trackingCode, [plain(actor, 1), plain(actor, 2), plain(actor, 3)]);
    const ids = idsOf(xapi.activityId);
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 3);
    const prefix = statementIdPrefix(collector.current.context.db);
    for (const id of ids) {
      assert.match(id, V8_UUID);
      assert.ok(id.startsWith(prefix), `${id} carries the installation's prefix`);
    }
    const got = await xapi.call(`statements?statementId=${ids[1]}`);
    assert.equal(got.status, 200, got.text);
    assert.equal((JSON.parse(got.text) as Json).id, ids[1]);
    const upper = await xapi.call(`statements?statementId=${(ids[1] as string).toUpperCase()}`);
    assert.equal(upper.status, 200, 'ids are matched without regard to case, as UUIDs are');
  });

  it('keep a valid unused UUID the game sent, and never hand out one reserved for a later statement', async () => {
    const xapi = xapiEndpoint(collector.current, 'client ids');
    const actor = { name: 'bea', account: { homePage: 'http://example.com', name: 'bea' } };
    const chosen = '3b241101-e2bb-4255-8caf-4136c566a962';
    const prefix = statementIdPrefix(collector.current.context.db);
    const future = `${prefix}ffffffffff00`;
    await sendRage(xapi.trackingCode, [
      { ...plain(actor, 1), id: chosen },
      { ...plain(actor, 2), id: future },
    ]);
    const rows = collector.current.context.db
      .prepare('SELECT id, client_id AS clientId FROM statements WHERE activity_id = ? ORDER BY seq')
      .all(xapi.activityId) as Array<{ id: string; clientId: string }>;
    assert.equal(rows[0]?.id, chosen);
    assert.notEqual(rows[1]?.id, future, 'a derived id of a seq not reached yet would collide later');
    assert.equal(rows[1]?.clientId, future, 'what the game sent is kept');

    const refused = await xapi.call('statements', {
      method: 'POST',
      body: JSON.stringify({
        id: future,
        actor: { mbox: 'mailto:bea@example.com' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
        object: { id: 'http://example.com/x' },
      }),
    });
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /reserved/);
  });

  it('of erased statements are never given to new ones', async () => {
    const xapi = xapiEndpoint(collector.current, 'erasure');
    const actor = { name: 'cai', account: { homePage: 'http://example.com', name: 'cai' } };
    const { playerId } = await sendRage(xapi.trackingCode, [plain(actor, 1), plain(actor, 2)]);
    const erased = idsOf(xapi.activityId);
    const { db } = collector.current.context;
    // The newest statements of the whole store are the ones erased: a plain rowid would be handed out again. IMMEDIATE:
    // the write lock is waited for (the writer thread may be committing), not lost on upgrading a read.
    db.transaction(() => erasePlayer(db, { player: playerId }, 'test', new Date().toISOString())).immediate();
    assert.deepEqual(idsOf(xapi.activityId), []);
    for (const id of erased) assert.equal(findStatementSeq(db, id), undefined);
    await sendRage(xapi.trackingCode, [plain(actor, 3), plain(actor, 4)]);
    const fresh = idsOf(xapi.activityId);
    assert.equal(fresh.length, 2);
    for (const id of fresh) assert.ok(!erased.includes(id), `${id} was an erased statement's id`);
  });
});
