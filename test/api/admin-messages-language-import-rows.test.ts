import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { bundleEntry, bundleWithEntry } from '../support/bundle-entries.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';
import { seedClassroom } from './export-support.js';

/**
 * A bundle whose table rows are not what Aula writes (its manifest rewritten to match, so only the row is left to
 * catch) is refused on the Data screen in the dashboard's language: Spanish for a request asking for es, zod's own
 * words in its Spanish; without the header (`aula import`, scripts) the same English as always.
 */
describe("a bundle's row refused in the dashboard's language", () => {
  let collector: Collector;
  let bundle: string;

  before(async () => {
    collector = await startTestCollector();
    const other = await startTestCollector();
    bundle = path.join(tempDir('aula-bundle-'), 'other-laptop.zip');
    try {
      await seedClassroom(other);
      await exportToFile(other.config.dataDir, other.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
    } finally {
      await other.close();
    }
  });
  after(() => collector?.close());

  /** The bundle with one field of the first row of `name` set to `value`, imported without the header, with en, with es. */
  const refusedWith = async (name: string, field: string, value: unknown): Promise<{ english: string; spanish: string }> => {
    const [first = '', ...rest] = String(await bundleEntry(bundle, name)).split('\n');
    const edited = Buffer.from([JSON.stringify({ ...(JSON.parse(first) as object), [field]: value }), ...rest].join('\n'));
    const body = new Uint8Array(fs.readFileSync(await bundleWithEntry(bundle, name, edited, true)));
    const messages: string[] = [];
    // One at a time: one import runs at a time.
    for (const language of [undefined, 'en', 'es-ES,es;q=0.9']) {
      const answer = await request(`${collector.url}/admin/api/data/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/zip', ...(language === undefined ? {} : { 'Accept-Language': language }) },
        body,
      });
      assert.equal(answer.status, 422, answer.text);
      const { error } = answer.json as { error: { reason: string; message: string } };
      assert.equal(error.reason, 'bundle-invalid');
      messages.push(error.message);
    }
    const [english = '', en, spanish = ''] = messages;
    assert.equal(en, english, 'Accept-Language: en reads the same English');
    return { english, spanish };
  };

  test('a game without a title as text, in Spanish with zod’s own Spanish', async () => {
    const { english, spanish } = await refusedWith('games.ndjson', 'title', 42);
    assert.equal(english, 'games.ndjson row 1: title Invalid input: expected string, received number');
    assert.equal(spanish, 'Fila 1 de games.ndjson: title Entrada inválida: se esperaba texto, recibido número');
  });

  test("a session whose origin is not an IRI, in Spanish with Aula's own Spanish", async () => {
    const { english, spanish } = await refusedWith('sessions.ndjson', 'origin_home_page', 'not an iri');
    assert.equal(english, 'sessions.ndjson row 1: origin_home_page not an absolute IRI');
    assert.equal(spanish, 'Fila 1 de sessions.ndjson: origin_home_page no es un IRI absoluto');
  });
});
