import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DiagnosticGroup, Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

/** The collector's clock, moved forward for games to go silent. */
let offset = 0;
const MINUTE = 60_000;

// When the Wi-Fi drops a whole class goes silent at once: Diagnostics listed 20 of its games and said nothing of the
// others. Every silent game is listed now; refusal groups keep their 20 most recent lines and say how many more there are.
describe('Diagnostics lists a whole class gone silent, and says how many refusal lines it leaves out', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ now: () => Date.now() + offset });
  });
  after(() => collector?.close());

  async function group(kind: string): Promise<DiagnosticGroup | undefined> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as Diagnostics).groups.find((candidate) => candidate.kind === kind);
  }

  test('25 games gone silent together: all 25 listed, and Mark as handled hides all 25', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const names: string[] = [];
    for (let i = 0; i < 25; i++) {
      const game = await startOk(collector.url, activity.trackingCode);
      const answer = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
      assert.equal(answer.status, 200, answer.text);
      names.push(`${game.playerAnimalName} · session 1`);
    }
    offset += 4 * MINUTE;

    const silent = await group('silent-games');
    assert.equal(silent?.count, 25);
    assert.equal(silent?.more, 0, 'none left out');
    assert.deepEqual(silent?.items.map((item) => item.detail).sort(), [...names].sort());

    const clear = await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'silent-games' });
    assert.equal(clear.status, 200, clear.text);
    assert.equal(await group('silent-games'), undefined, 'every listed game is handled, none comes back');
  });

  test('34 different mistyped codes: the 20 most recent listed, and "14 more" counted', async () => {
    const codes = Array.from({ length: 34 }, (_, i) => `nosuch${String(i).padStart(2, '0')}`);
    for (const code of codes) assert.equal((await start(collector.url, code)).status, 404);
    // One of the listed codes again: counted in its line, not a new one.
    await start(collector.url, codes[33] as string);

    const unknown = await group('unknown-code');
    assert.equal(unknown?.count, 35);
    assert.deepEqual(
      unknown?.items.map((item) => item.detail),
      codes.slice(14).reverse(),
      'the 20 most recent codes, newest first',
    );
    assert.equal(unknown?.more, 14, 'the 14 older codes are counted as more lines');
  });
});
