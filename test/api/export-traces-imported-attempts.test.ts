import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { aula } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport } from './export-support.js';

// The same child plays one activity on two laptops. Importing the other laptop's bundle renumbers the attempts that
// clash with this laptop's ("stored as attempt 3"); csv shows the stored numbers, and traces-csv must show the same,
// not the number the game was told on the other laptop, or the researcher sees two "attempt 2"s of one player.

type Row = Record<string, string>;
let laptopA: Collector;
let laptopB: Collector;

before(async () => {
  laptopA = await startTestCollector({ config: { mdns: false } });
  laptopB = await startTestCollector({ config: { mdns: false } });
});
after(async () => {
  await laptopA?.close();
  await laptopB?.close();
});

async function play(laptop: Collector, code: string, anonymous?: string): Promise<StartAnswer> {
  const start = await startOk(laptop.url, code, anonymous === undefined ? {} : { body: { anonymous } });
  const statement = {
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${start.objectId}/level/l1`, definition: { type: 'level' } },
    timestamp: new Date().toISOString(),
  };
  const answer = await track(laptop.url, start.authToken, [statement]);
  assert.equal(answer.status, 200, answer.text);
  return start;
}

async function bundleOf(laptop: Collector, name: string): Promise<string> {
  const file = path.join(tempDir('aula-bundle-'), name);
  await exportToFile(laptop.config.dataDir, laptop.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), file, undefined);
  return file;
}

async function rows(format: 'csv' | 'traces-csv'): Promise<Row[]> {
  const run = await aulaExport(laptopB.config.dataDir, laptopB.context.homePage, ['--format', format]);
  assert.equal(run.code, 0, run.stderr);
  return parse(run.stdout, { bom: true, columns: true }) as Row[];
}

test("traces-csv numbers an imported attempt as csv does: the stored, renumbered attempt, not the other laptop's", async () => {
  const maths = makeActivity(laptopA.context.db, { name: 'Maths 3B' });
  const first = await play(laptopA, maths.trackingCode);
  const player = first.playerId;
  const firstImport = JSON.parse(await aula(['import', await bundleOf(laptopA, 'monday.zip'), '--json', '--data-dir', laptopB.config.dataDir]));
  assert.equal(firstImport.added.sessions, 1);
  // Tuesday: attempt 2 on each laptop.
  assert.equal((await play(laptopB, maths.trackingCode, player)).session, 2);
  assert.equal((await play(laptopA, maths.trackingCode, player)).session, 2);
  const report = JSON.parse(await aula(['import', await bundleOf(laptopA, 'tuesday.zip'), '--json', '--data-dir', laptopB.config.dataDir]));
  assert.equal(report.added.sessions, 1, JSON.stringify(report));

  const csv = await rows('csv');
  const traces = await rows('traces-csv');
  assert.equal(traces.length, csv.length);
  assert.deepEqual(
    csv.map((row) => row.session),
    ['1', '2', '3'],
    'csv: the attempt from laptop A is stored as attempt 3',
  );
  assert.deepEqual(
    traces.map((row) => row.session),
    csv.map((row) => row.session),
  );
});
