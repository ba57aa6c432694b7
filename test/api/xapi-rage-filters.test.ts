import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensurePseudonymSalt, pseudonym } from '../../server/normalize/index.js';
import { useTestCollector } from '../support/collector.js';
import { startOk, track } from '../support/rage.js';
import { statement, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

/** GET /xapi/statements with the given filters, as a researcher's script asks; the statements as served. */
async function query(xapi: XapiEndpoint, filters: Record<string, string>): Promise<Json[]> {
  const answer = await xapi.call(`statements?${new URLSearchParams(filters)}`);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { statements: Json[] }).statements;
}

const verbOf = (served: Json) => (served.verb as Json).id;
const objectOf = (served: Json) => (served.object as Json).id;

describe('GET /xapi/statements filters match games’ RAGE statements as they are served', () => {
  const collector = useTestCollector();

  /** Two games (two players) of one activity send RAGE batches; an xAPI client sends one statement of its own. */
  async function classroom() {
    const xapi = xapiEndpoint(collector.current, `RAGE filters ${Math.random()}`);
    const base = collector.current.url;
    const ana = await startOk(base, xapi.trackingCode);
    const ben = await startOk(base, xapi.trackingCode);
    const rage = (actor: unknown, verb: string, object: string) => ({
      actor,
      verb: { id: verb },
      object: { id: object, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/screen' } },
      timestamp: '2026-11-26T10:00:00Z',
    });
    const accessed = 'https://w3id.org/xapi/seriousgames/verbs/accessed';
    for (const [player, batch] of [
      // A short verb name and a relative object id with a space: both are served as IRIs.
      [ana, [rage(ana.actor, accessed, `${ana.objectId}/screen/menu`), rage(ana.actor, 'initialized', 'level one')]],
      [ben, [rage(ben.actor, accessed, `${ben.objectId}/screen/menu`)]],
    ] as const) {
      assert.equal((await track(base, player.authToken, batch)).status, 200);
    }
    assert.equal((await xapi.call('statements', { method: 'POST', body: JSON.stringify(statement()) })).status, 200);
    return { xapi, ana, ben, accessed };
  }

  it('agent: a player’s own account, as GET serves it, finds that player’s statements and no one else’s', async () => {
    const { xapi, ana } = await classroom();
    const all = await query(xapi, {});
    const anasActor = all.find((served) => verbOf(served) !== 'http://adlnet.gov/expapi/verbs/experienced' && (served.actor as Json).name === ana.actor.name)?.actor as Json;
    assert.ok(anasActor, 'Ana’s statements are served');
    const anas = await query(xapi, { agent: JSON.stringify({ account: anasActor.account }) });
    assert.equal(anas.length, 2);
    assert.ok(anas.every((served) => (served.actor as Json).name === ana.actor.name));
    // The shared "Anonymous" account the tracker sent is not what is served, so it names no one.
    assert.deepEqual(await query(xapi, { agent: JSON.stringify({ account: ana.actor.account }) }), []);
  });

  it('agent: after a pseudonymised export, the served pseudonym finds the player', async () => {
    const { xapi, ben } = await classroom();
    const salt = ensurePseudonymSalt(collector.current.context.db);
    const served = await query(xapi, {});
    // Served as uploaded: the animal name the dashboard shows is a name too, and gives way to the pseudonym.
    assert.ok(!JSON.stringify(served).includes(ben.actor.name), 'the animal name is not served');
    const bens = served.filter((one) => (one.actor as Json).name === pseudonym(salt, ben.playerId));
    const [first] = bens;
    assert.ok(first, 'Ben’s statement is served');
    const account = (first.actor as Json).account as Json;
    assert.equal(account.name, pseudonym(salt, ben.playerId), 'the served name is the pseudonym');
    assert.equal((await query(xapi, { agent: JSON.stringify({ account }) })).length, 1);
  });

  it('agent with related_agents: the collector, every RAGE statement’s authority, finds all of them', async () => {
    const { xapi } = await classroom();
    const authority = (await query(xapi, {})).find((served) => verbOf(served) !== 'http://adlnet.gov/expapi/verbs/experienced')?.authority as Json;
    const agent = JSON.stringify({ account: authority.account });
    assert.equal((await query(xapi, { agent })).length, 0, 'the authority is a related agent');
    assert.equal((await query(xapi, { agent, related_agents: 'true' })).length, 3);
  });

  it('verb and activity: the served IRIs find the statements whose tracker sent a short name or a relative id', async () => {
    const { xapi, accessed } = await classroom();
    const all = await query(xapi, {});
    const initialized = all.find((served) => String(verbOf(served)).endsWith('/initialized')) as Json;
    assert.notEqual(verbOf(initialized), 'initialized', 'the short verb name is served as an IRI');
    assert.deepEqual((await query(xapi, { verb: String(verbOf(initialized)) })).map(objectOf), [objectOf(initialized)]);
    assert.match(String(objectOf(initialized)), /\/level%20one$/);
    assert.equal((await query(xapi, { activity: String(objectOf(initialized)) })).length, 1);
    assert.equal((await query(xapi, { verb: accessed })).length, 2);
  });
});
