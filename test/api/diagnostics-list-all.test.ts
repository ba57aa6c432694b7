import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DiagnosticGroup, Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { start } from '../support/rage.js';

// A class of 25 tablets each typing a different wrong code: Diagnostics listed 20 lines and "5 more, not listed",
// and the teacher could not see which codes the last five had typed. `?all=<kind>` lists that group whole.

let collector: Collector;
before(async () => {
  collector = await startTestCollector({ config: { mdns: false } });
});
after(() => collector?.close());

async function unknownCodes(query = ''): Promise<DiagnosticGroup | undefined> {
  await collector.context.ingest.idle();
  const answer = await request(`${collector.url}/admin/api/diagnostics${query}`);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as Diagnostics).groups.find((group) => group.kind === 'unknown-code');
}

test('?all=<kind> lists every line of that group, the other groups as before; a kind Aula does not know is a 400', async () => {
  const codes = Array.from({ length: 25 }, (_, i) => `wrong${String(i).padStart(2, '0')}`);
  for (const code of codes) assert.equal((await start(collector.url, code)).status, 404);

  const listed = await unknownCodes();
  assert.equal(listed?.items.length, 20);
  assert.equal(listed?.more, 5);

  const whole = await unknownCodes('?all=unknown-code');
  assert.equal(whole?.count, 25);
  assert.equal(whole?.more, 0);
  assert.deepEqual(whole?.items.map((item) => item.detail).sort(), codes);
  // The newest first, as the 20 listed: the same lines, then the five older ones.
  assert.deepEqual(whole?.items.slice(0, 20).map((item) => item.detail), listed?.items.map((item) => item.detail));

  const otherKind = await unknownCodes('?all=busy');
  assert.equal(otherKind?.items.length, 20, 'another group asked for: this one stays at its 20 most recent');

  const bad = await request(`${collector.url}/admin/api/diagnostics?all=everything`);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /all must be one of: .*unknown-code/);
});
