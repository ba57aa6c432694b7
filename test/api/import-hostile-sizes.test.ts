import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
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

/** The bundle with one entry replaced; with `honest`, the manifest is rewritten to match it (hash, size, lines). */
async function withEntry(name: string, content: Buffer, honest: boolean): Promise<string> {
  const zip = await yauzl.openPromise(bundle, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  files.set(name, content);
  if (honest) {
    const manifest = JSON.parse(String(files.get('manifest.json'))) as { files: Record<string, unknown>; counts: Record<string, number> };
    let lines = 0;
    for (let at = content.indexOf(10); at !== -1; at = content.indexOf(10, at + 1)) lines++;
    manifest.files[name] = { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), lines };
    manifest.counts[name.replace(/\.ndjson$/, '')] = lines;
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  }
  const out = new yazl.ZipFile();
  for (const [entryName, entryContent] of files) out.addBuffer(entryContent, entryName);
  out.end();
  const target = path.join(tempDir('aula-hostile-'), 'hostile.zip');
  await new Promise<void>((resolve, reject) => out.outputStream.pipe(fs.createWriteStream(target)).on('close', resolve).on('error', reject));
  return target;
}

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
