import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { tempDir } from './temp-dir.js';

/** Every entry of a bundle (a zip), by name. */
export async function bundleEntries(bundle: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(bundle, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

/** One entry of a bundle, e.g. to edit it. */
export async function bundleEntry(bundle: string, name: string): Promise<Buffer> {
  const entry = (await bundleEntries(bundle)).get(name);
  if (!entry) throw new Error(`${bundle} has no ${name}`);
  return entry;
}

/** A copy of a bundle with its entries changed by `edit` (the manifest as it was unless edited too), in a temp folder. */
export async function rezipBundle(bundle: string, edit: (files: Map<string, Buffer>) => void): Promise<string> {
  const files = await bundleEntries(bundle);
  edit(files);
  const out = new yazl.ZipFile();
  for (const [name, content] of files) out.addBuffer(content, name);
  out.end();
  const target = path.join(tempDir('aula-edited-bundle-'), 'edited.zip');
  await new Promise<void>((resolve, reject) => out.outputStream.pipe(fs.createWriteStream(target)).on('close', resolve).on('error', reject));
  return target;
}

/**
 * A copy of a bundle with one entry replaced, as someone editing it by hand would make it; with `honest`, the
 * manifest is rewritten to match it (hash, size, lines), so only what the entry says is left to catch.
 */
export function bundleWithEntry(bundle: string, name: string, content: Buffer, honest: boolean): Promise<string> {
  return rezipBundle(bundle, (files) => {
    files.set(name, content);
    if (!honest) return;
    const manifest = JSON.parse(String(files.get('manifest.json'))) as { files: Record<string, unknown>; counts: Record<string, number> };
    let lines = 0;
    for (let at = content.indexOf(10); at !== -1; at = content.indexOf(10, at + 1)) lines++;
    manifest.files[name] = { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), lines };
    manifest.counts[name.replace(/\.ndjson$/, '')] = lines;
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  });
}
