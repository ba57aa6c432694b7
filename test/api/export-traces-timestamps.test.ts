import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, track } from '../support/rage.js';
import { aulaExport } from './export-support.js';

// traces-csv's timestamp is parsed by RAGE analysis scripts as an ISO 8601 time. A game's `+0100` or a time that is no
// time at all came out as sent, where csv (and every xAPI format) has the same instant in the notation every reader
// takes, or the stored time: the two exports of one lesson disagreed on when things happened.

type Row = Record<string, string>;

test('traces-csv gives each statement the timestamp csv gives it', async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  const maths = makeActivity(collector.context.db, { name: 'Maths 3B' });
  const start = await startOk(collector.url, maths.trackingCode);
  const sent = ['2026-11-26T10:00:00+0100', 'not a time', '2026-11-26T09:00:05Z'];
  const statements = sent.map((timestamp, i) => ({
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${start.objectId}/level/l${i}`, definition: { type: 'level' } },
    timestamp,
  }));
  const answer = await track(collector.url, start.authToken, statements);
  assert.equal(answer.status, 200, answer.text);
  const { dataDir } = collector.config;
  const homePage = collector.context.homePage;
  await collector.close();

  const rows = async (format: string): Promise<Row[]> => {
    const run = await aulaExport(dataDir, homePage, ['--format', format]);
    assert.equal(run.code, 0, run.stderr);
    return parse(run.stdout, { bom: true, columns: true }) as Row[];
  };
  const csv = await rows('csv');
  const traces = await rows('traces-csv');
  assert.equal(csv[0]?.timestamp, '2026-11-26T10:00:00+01:00');
  assert.equal(csv[1]?.timestamp, csv[1]?.stored, 'no time at all: the stored time');
  assert.deepEqual(
    traces.map((row) => row.timestamp),
    csv.map((row) => row.timestamp),
  );
});
