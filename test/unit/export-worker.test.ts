import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type ExportProgress, type ExportReport, exportData } from '../../server/export/export-data.js';
import { type ExportOptionsInput, exportOptionsSchema, normalizeSettingsFor } from '../../server/export/export-options.js';
import { type Db, openDatabase } from '../../server/store/open-database.js';
import { memorySink } from '../api/export-support.js';
import { seedStore } from '../bench/seed-store.js';
import { tempDir } from '../support/temp-dir.js';

// Above the worker threshold (20,000), with invalid statements, odd JSON and collector-augmented ones spread through
// the batches, so the worker path meets everything the single-thread path handles.
const TOTAL = 25_000;
const HOME = 'http://aula.local:3000/';

let db: Db;

before(() => {
  const dataDir = path.join(tempDir(), 'data');
  seedStore(dataDir, TOTAL, 40);
  db = openDatabase(dataDir);
  const rows = db.prepare('SELECT seq, json FROM statements WHERE seq % 613 = 0').all() as Array<{ seq: number; json: string }>;
  const update = db.prepare('UPDATE statement_rows SET json = ? WHERE seq = ?');
  db.transaction(() => {
    for (const [i, row] of rows.entries()) {
      const statement = JSON.parse(row.json) as Record<string, unknown>;
      if (i % 3 === 0) statement.verb = { display: { en: 'no id' } }; // invalid: reported, never dropped
      if (i % 3 === 1) statement.timestamp = 'yesterday'; // a timestamp normalisation replaces
      if (i % 3 === 2) (statement.object as { definition?: unknown }).definition = { extensions: { gameplayId: `g${i}`, session: i } };
      update.run(i % 2 === 0 ? JSON.stringify(statement, null, 2) : JSON.stringify(statement), row.seq);
    }
  })();
});

after(() => {
  db.close();
});

interface Run {
  bytes: Buffer;
  report: ExportReport;
  progress: ExportProgress[];
  path: string | undefined;
}

async function run(input: ExportOptionsInput, workerFrom: number): Promise<Run> {
  const options = exportOptionsSchema.parse(input);
  const settings = normalizeSettingsFor(db, HOME, options, undefined);
  const sink = memorySink();
  const progress: ExportProgress[] = [];
  let taken: string | undefined;
  const report = await exportData(db, settings, options, sink.stream, (p) => progress.push(p), {
    workerFrom,
    onPath: (p, reason) => {
      taken = reason ? `${p}: ${reason}` : p;
    },
  });
  sink.stream.end();
  return { bytes: sink.buffer(), report, progress, path: taken };
}

for (const input of [{ format: 'ndjson' }, { format: 'json' }, { format: 'ndjson', actors: 'per-player' }] as ExportOptionsInput[]) {
  test(`a large ${JSON.stringify(input)} export through the encoding threads equals the single-thread one byte for byte`, async () => {
    const single = await run(input, Number.POSITIVE_INFINITY);
    const threaded = await run(input, 20_000);
    assert.equal(single.path, 'single');
    assert.equal(threaded.path, 'worker');
    assert.equal(threaded.report.statements, TOTAL);
    assert.ok(threaded.report.invalid > 0, 'the invalid statements are reported');
    assert.deepEqual(threaded.report, single.report);
    assert.equal(threaded.bytes.length, single.bytes.length);
    assert.ok(threaded.bytes.equals(single.bytes), 'same bytes');
    // Progress: from 0 to the total, never backwards, often enough for a progress line.
    assert.deepEqual(threaded.progress[0], { done: 0, total: TOTAL });
    assert.deepEqual(threaded.progress.at(-1), { done: TOTAL, total: TOTAL });
    assert.ok(threaded.progress.length >= TOTAL / 2000);
    assert.ok(threaded.progress.every((p, i) => i === 0 || p.done >= (threaded.progress[i - 1]?.done ?? 0)));
  });
}

test('below the threshold the export stays on this thread', async () => {
  const small = await run({ format: 'ndjson' }, TOTAL + 1);
  assert.equal(small.path, 'single');
  assert.equal(small.report.statements, TOTAL);
});
