import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { aula } from '../support/serve-process.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// A researcher's script reads `aula stats --json`: it counts the players an xAPI game identified apart, as the dashboard
// does, beside `identified` (which keeps counting them too).
test('aula stats counts the players an xAPI game identified apart from the others, in JSON and in words', async () => {
  const collector = await startTestCollector();
  const rage = makeActivity(collector.context.db, { name: 'Fractions' });
  await startOk(collector.url, rage.trackingCode);
  const xapi = xapiEndpoint(collector, 'Drawings');
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statement({ actor: { objectType: 'Agent', mbox: 'mailto:ana@school.example' } })) });
  assert.equal(posted.status, 200, posted.text);
  const dataDir = collector.config.dataDir;
  await collector.close();

  const stats = JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir]));
  assert.deepEqual(stats.players, { anonymous: 1, identified: 1, xapi: 1 });
  assert.match(await aula(['stats', '--data-dir', dataDir]), /^players: {4}1 anonymous, 1 identified \(1 of them by an xAPI game\)$/m);
});
