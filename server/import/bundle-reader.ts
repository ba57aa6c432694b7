import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { MANIFEST } from '../export/zip-bundle.js';
import { type BundleManifest, expectedLines, parseManifest } from './bundle-manifest.js';
import { ImportRefusedError } from './import-errors.js';

const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * A bundle opened for reading: the central directory is read once (autoClose off), then any entry can be streamed
 * as many times as needed — once to verify its hash, once to import it — without holding it in memory.
 */
export class BundleReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    readonly manifest: BundleManifest,
  ) {}

  static async open(file: string): Promise<BundleReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
    } catch (error) {
      throw new ImportRefusedError('not-a-bundle', `This file is not a zip bundle (${(error as Error).message}).`);
    }
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
      const manifestEntry = entries.get(MANIFEST);
      if (!manifestEntry) throw new ImportRefusedError('not-a-bundle', 'This zip has no manifest.json: it is not an Aula bundle.');
      if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw new ImportRefusedError('bundle-invalid', 'manifest.json is too large.');
      const manifest = parseManifest((await readAll(await zip.openReadStreamPromise(manifestEntry))).toString('utf8'));
      return new BundleReader(zip, entries, manifest);
    } catch (error) {
      zip.close();
      if (error instanceof ImportRefusedError) throw error;
      throw new ImportRefusedError('not-a-bundle', `This zip cannot be read (${(error as Error).message}).`);
    }
  }

  close(): void {
    this.zip.close();
  }

  /**
   * Every file the manifest lists must be present with the same size, SHA-256 and line count, and the counts must
   * agree: anything else is a damaged or edited bundle, refused before a single row is written.
   */
  async verify(onFile?: (name: string) => void): Promise<void> {
    for (const [name, info] of Object.entries(this.manifest.files)) {
      onFile?.(name);
      const entry = this.entries.get(name);
      if (!entry) throw new ImportRefusedError('bundle-tampered', `${name} is listed in the manifest but missing from the bundle.`);
      const hash = createHash('sha256');
      let bytes = 0;
      let lines = 0;
      try {
        const stream = await this.open(name);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          bytes += chunk.length;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
        }
      } catch (error) {
        // A damaged deflate stream or a wrong CRC: zlib and yauzl say so before any hash could.
        throw new ImportRefusedError('bundle-tampered', `${name} cannot be read (${(error as Error).message}): the bundle is damaged.`);
      }
      if (bytes !== info.bytes || hash.digest('hex') !== info.sha256) {
        throw new ImportRefusedError('bundle-tampered', `${name} does not match its SHA-256 in the manifest: the bundle was changed or damaged after export.`);
      }
      const expected = expectedLines(this.manifest, name);
      if (lines !== info.lines || (expected !== undefined && lines !== expected)) {
        throw new ImportRefusedError('bundle-tampered', `${name} has ${lines} rows but the manifest counts ${expected ?? info.lines}.`);
      }
    }
  }

  /** The entry's rows, one parsed JSON value per line, streamed. */
  async *rows(name: string): AsyncGenerator<unknown> {
    const stream = await this.open(name);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let line = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        line++;
        if (part !== '') yield parseLine(part, name, line);
      }
    }
    rest += decoder.end();
    if (rest !== '') yield parseLine(rest, name, line + 1);
  }

  private async open(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new ImportRefusedError('bundle-invalid', `The bundle has no ${name}.`);
    return this.zip.openReadStreamPromise(entry);
  }
}

function parseLine(text: string, name: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportRefusedError('bundle-invalid', `${name} line ${line} is not valid JSON.`);
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
