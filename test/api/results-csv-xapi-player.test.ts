import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityResults } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

/**
 * A player of an xAPI game is "Eva Martín" on the dashboard (the name the game sent), but the Results CSV's `player`
 * was an animal name shown nowhere on screen (noble-lucky-jackal), which `aula export --player` refuses too.
 */
let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

/** The CSV's rows as objects by column (no quoted commas in these cells). */
function rowsOf(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const columns = header?.split(',') ?? [];
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? '']));
  });
}

test("the Results CSV names an xAPI game's player as the dashboard does, and its player_id is one aula export takes", async () => {
  const xapi = xapiEndpoint(collector, 'Fracciones xAPI');
  const eva = { objectType: 'Agent', name: 'Eva Martín', mbox: 'mailto:eva@school.example' };
  const sent = await xapi.call('statements', {
    method: 'POST',
    body: JSON.stringify([
      statement({
        actor: eva,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
        object: { objectType: 'Activity', id: 'http://example.com/fracciones/level-1', definition: { name: { 'es-ES': 'Nivel 1' } } },
        result: { score: { raw: 8 } },
        timestamp: new Date().toISOString(),
      }),
    ]),
  });
  assert.equal(sent.status, 200, sent.text);

  const json = await request(`${collector.url}/admin/api/activities/${xapi.activityId}/results`);
  assert.equal(json.status, 200, json.text);
  const [student] = (json.json as ActivityResults).students;
  assert.deepEqual({ displayName: student?.player.displayName, xapi: student?.player.xapi }, { displayName: 'Eva Martín', xapi: true });

  const csv = await request(`${collector.url}/admin/api/activities/${xapi.activityId}/results.csv`);
  assert.equal(csv.status, 200, csv.text);
  const [row] = rowsOf(csv.text);
  assert.equal(row?.player, 'Eva Martín', 'as Results and Live name her');
  assert.notEqual(row?.player, student?.player.animalName);
  assert.equal(row?.kind, 'identified');
  assert.equal(row?.name, 'Eva Martín');

  // The row's player_id is what the statements export filters by (aula export --player, the Data screen's player).
  const exported = await request(`${collector.url}/admin/api/data/export?format=csv&player=${encodeURIComponent(row?.player_id ?? '')}`);
  assert.equal(exported.status, 200, exported.text);
  assert.deepEqual([...new Set(rowsOf(exported.text).map((line) => line.player_id))], [row?.player_id]);
  // As does her e-mail address, which README documents for --player.
  const byAddress = await request(`${collector.url}/admin/api/data/export?format=csv&player=eva%40school.example`);
  assert.equal(byAddress.status, 200, byAddress.text);
  assert.deepEqual([...new Set(rowsOf(byAddress.text).map((line) => line.player_id))], [row?.player_id]);
});
