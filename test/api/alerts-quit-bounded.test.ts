import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

/**
 * "Quit without completing" names each level left open when a session ends. A client initializing invented object ids
 * (thousands, not a game's few dozen levels) grew the session's memory without end, and its end raised one alert per
 * id, each looked up for its xAPI name on the dashboard's thread: the rules keep at most 1,000 open objects.
 */
describe('the rule "quit without completing"', () => {
  const collector = useTestCollector({ config: { mdns: false } });

test('a session that initialized 1,200 invented levels and ended raises at most 1,000 quit alerts', async () => {
  const { db } = collector.current.context;
  const { url } = collector.current;
  const activity = makeActivity(db, { name: 'Invented levels' });
  const rules = await request(`${url}/admin/api/activities/${activity.id}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ quit: { enabled: true } }),
  });
  assert.equal(rules.status, 200, rules.text);
  const game = await startOk(url, activity.trackingCode);
  const initialized = Array.from({ length: 1_200 }, (_, n) => ({
    actor: game.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' },
    object: { id: `${game.objectId}/level/invented${n}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
  }));
  assert.equal((await track(url, game.authToken, initialized)).status, 200);
  const end = await request(`${url}/api/collector/end`, { method: 'POST', headers: { Authorization: game.authToken } });
  assert.equal(end.status, 200, end.text);
  await rulesEngineFor(collector.current.context).flush();
  const quits = db.prepare("SELECT count(*) AS n FROM alerts WHERE rule_key LIKE 'quit:%'").get() as { n: number };
  assert.equal(quits.n, 1_000);
});
});
