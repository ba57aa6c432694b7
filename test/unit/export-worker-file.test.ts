import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { after, before, test } from 'node:test';
import { type ExportReport, exportData } from '../../server/export/export-data.js';
import { type ExportOptionsInput, exportOptionsSchema, normalizeSettingsFor } from '../../server/export/export-options.js';
import { type Db, openDatabase } from '../../server/store/open-database.js';
import { memorySink } from '../api/export-support.js';
import { seedStore } from '../bench/seed-store.js';
import { tempDir } from '../support/temp-dir.js';

// Into a file (what `aula export -o` does) the encoded batches' buffers are reused once written, not copied: the
// file must hold exactly the bytes of the single-thread export, however the statements' sizes vary between batches.
const TOTAL = 24_000;
const HOME = 'http://aula.local:3000/';

let db: Db;
let dir: string;

before(() => {
  dir = tempDir();
  seedStore(path.join(dir, 'data'), TOTAL, 30);
  db = openDatabase(path.join(dir, 'data'));
  // Longer and non-ASCII statements in some stretches, so a reused buffer is sometimes too small for a later batch.
  const rows = db.prepare('SELECT seq, json FROM statements WHERE (seq / 1000) % 4 = 1').all() as Array<{ seq: number; json: string }>;
  const update = db.prepare('UPDATE statement_rows SET json = ? WHERE seq = ?');
  db.transaction(() => {
    for (const row of rows) {
      const statement = JSON.parse(row.json) as { result?: { response?: string } };
      statement.result = { ...statement.result, response: `ñandú ${'€'.repeat(row.seq % 700)} 日本` };
      update.run(JSON.stringify(statement), row.seq);
    }
  })();
});

after(() => {
  db.close();
});

async function exportInto(output: Writable, input: ExportOptionsInput, workerFrom: number): Promise<{ report: ExportReport; path: string }> {
  const options = exportOptionsSchema.parse(input);
  const settings = normalizeSettingsFor(db, HOME, options, undefined);
  let taken = '';
  const report = await exportData(db, settings, options, output, undefined, { workerFrom, onPath: (p, reason) => (taken = reason ? `${p}: ${reason}` : p) });
  output.end();
  await finished(output);
  return { report, path: taken };
}

for (const input of [{ format: 'ndjson' }, { format: 'json' }] as ExportOptionsInput[]) {
  test(`a ${input.format} export into a file through the encoding thread holds the single-thread bytes`, async () => {
    const sink = memorySink();
    const single = await exportInto(sink.stream, input, Number.POSITIVE_INFINITY);
    const file = path.join(dir, `out.${input.format}`);
    const threaded = await exportInto(fs.createWriteStream(file), input, 0);
    assert.equal(single.path, 'single');
    assert.equal(threaded.path, 'worker');
    assert.equal(threaded.report.statements, TOTAL);
    assert.deepEqual(threaded.report, single.report);
    const written = fs.readFileSync(file);
    assert.equal(written.length, sink.buffer().length);
    assert.ok(written.equals(sink.buffer()), 'same bytes');
    assert.equal(written.toString('utf8').split('ñandú').length - 1, 6000, 'the non-ASCII statements are all there');
  });
}
