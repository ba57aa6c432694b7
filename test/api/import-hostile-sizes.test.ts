import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { bundleWithEntry } from '../support/bundle-entries.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

let laptop: Collector;
let bundle: string;

before(async () => {
  laptop = await startTestCollector();
  makeActivity(laptop.context.db, { name: 'Bundled' });
  bundle = path.join(tempDir('aula-bundle-'), 'bundle.zip');
  await exportToFile(laptop.config.dataDir, laptop.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
});
after(() => laptop?.close());

const withEntry = (name: string, content: Buffer, honest: boolean) => bundleWithEntry(bundle, name, content, honest);

/** `aula import` into a data folder that does not exist yet: a refusal must leave no folder behind. */
async function importRefused(file: string): Promise<string> {
  const dataDir = path.join(tempDir('aula-target-'), 'data');
  const started = Date.now();
  const { code, stderr } = await aulaWithInput(['import', file, '--data-dir', dataDir]);
  assert.equal(code, 1, stderr);
  assert.equal(fs.existsSync(dataDir), false, 'a refused bundle sets nothing up');
  return `${stderr} (${Date.now() - started} ms)`;
}

describe('aula import: a bundle crafted to inflate is refused before it is inflated', () => {
  test('an entry larger in the zip than its manifest says (a zip bomb with the old manifest) is refused from the sizes alone', async () => {
    // 96 MiB of newlines deflate to about 100 KiB; the manifest still says the few bytes the exported file had.
    const bomb = await withEntry('players.ndjson', Buffer.alloc(96 * 1024 * 1024, 10), false);
    assert.ok(fs.statSync(bomb).size < 1024 * 1024);
    const refused = await importRefused(bomb);
    assert.match(refused, /players\.ndjson is 100663296 bytes in the zip but \d+ in the manifest/, refused);
  });

  test('one endless line with a manifest that matches it is refused at the row limit, not held and split whole', async () => {
    const line = Buffer.alloc(40 * 1024 * 1024, 0x61);
    const refused = await importRefused(await withEntry('players.ndjson', line, true));
    assert.match(refused, /players\.ndjson line 1 is longer than 32 MiB/, refused);
  });
});
