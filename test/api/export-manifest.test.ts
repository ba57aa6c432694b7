import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { pseudonym, readPseudonymSalt } from '../../server/normalize/pseudonym.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, seedClassroom } from './export-support.js';

test('an exported file comes with a manifest of what it holds: filters, options, count and columns', async () => {
  const collector = await startTestCollector();
  const { maths, starts, sent } = await seedClassroom(collector);
  const dataDir = collector.config.dataDir;
  const aula = (...args: string[]) => aulaExport(dataDir, collector.context.homePage, args);
  const folder = tempDir();
  const file = path.join(folder, 'maths-ana.csv');
  const [ana] = starts;
  assert.ok(ana);

  const run = await aula('--format', 'csv', '-o', file, '--activity', maths.trackingCode, '--player', ana.playerId, '--since', '2026-01-01', '--pseudonymize');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`\\nIts filters, options, counts and columns: ${file}\\.manifest\\.json\\n$`));
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, (sent[0] ?? 0) + (sent[2] ?? 0));
  const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as Record<string, unknown>;
  const salt = readPseudonymSalt(collector.context.db) as string;
  assert.deepEqual(
    { ...manifest, created: 'when', appVersion: 'version', schemaVersion: 'schema', bytes: 'bytes' },
    {
      format: 'aula-export/1',
      app: 'aula',
      appVersion: 'version',
      schemaVersion: 'schema',
      created: 'when',
      file: 'maths-ana.csv',
      exportFormat: 'csv',
      // The player is named as the file names players: by the pseudonym.
      filters: { activity: maths.trackingCode, player: pseudonym(salt, ana.playerId), since: '2026-01-01' },
      options: { actors: 'per-player', pseudonymize: true, asReceived: false, namespace: 'http://aula.test/xapi', homePage: 'http://aula.test/' },
      statements: rows.length,
      invalid: 0,
      bytes: 'bytes',
      columns: Object.keys(rows[0] ?? {}),
    },
  );
  assert.equal(manifest.bytes, fs.statSync(file).size);
  assert.ok(!fs.readFileSync(`${file}.manifest.json`, 'utf8').includes(ana.playerId), 'the manifest names nobody');

  // An existing manifest is a file like the export: kept unless --force, and then nothing is written.
  fs.rmSync(file);
  const refused = await aula('--format', 'csv', '-o', file);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, `aula: ${file}.manifest.json already exists; choose another file name, or add --force to replace it\n`);
  assert.deepEqual(fs.readdirSync(folder), ['maths-ana.csv.manifest.json']);

  // Standard output has nothing beside it; a zip bundle carries its manifest inside.
  const zipFolder = tempDir();
  assert.equal((await aula('--format', 'zip', '-o', path.join(zipFolder, 'all.zip'))).code, 0);
  assert.deepEqual(fs.readdirSync(zipFolder), ['all.zip']);
  await collector.close();
});
