import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { MANIFEST, STATEMENT_ROWS_FILE, STATEMENTS_FILE } from '../export/zip-bundle.js';
import { wording } from '../i18n/wording.js';
import { type BundleManifest, expectedLines, parseManifest } from './bundle-manifest.js';
import { ImportRefusedError } from './import-errors.js';

const MAX_MANIFEST_BYTES = 1024 * 1024;
/**
 * The longest row import reads. A stored row holds one statement, and a statement comes in a request body of at most
 * 8 MiB (bodyLimitBytes): four times that is room for any row an Aula wrote, and far from what a crafted bundle
 * would need to keep the collector busy or out of memory with one endless line.
 */
export const MAX_ROW_BYTES = 32 * 1024 * 1024;
/**
 * The tables (classes, players, sessions…) are held in memory while they are merged. A term of a whole school is a
 * few MiB of them; more than this is refused before it is read, not discovered by running out of memory.
 */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

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
      throw new ImportRefusedError('not-a-bundle', wording('import.notZip', { detail: (error as Error).message }));
    }
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
      const manifestEntry = entries.get(MANIFEST);
      if (!manifestEntry) throw new ImportRefusedError('not-a-bundle', wording('import.noManifest'));
      if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw new ImportRefusedError('bundle-invalid', wording('import.manifestTooLarge'));
      const manifest = parseManifest((await readAll(await zip.openReadStreamPromise(manifestEntry))).toString('utf8'));
      checkDeclaredSizes(manifest, entries);
      return new BundleReader(zip, entries, manifest);
    } catch (error) {
      zip.close();
      if (error instanceof ImportRefusedError) throw error;
      throw new ImportRefusedError('not-a-bundle', wording('import.unreadableZip', { detail: (error as Error).message }));
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
      if (!entry) throw new ImportRefusedError('bundle-tampered', wording('import.missingFile', { name }));
      const hash = createHash('sha256');
      let bytes = 0;
      let lines = 0;
      try {
        const stream = await this.open(name);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          // The zip's own sizes were checked against the manifest on open; this stops an entry that inflates past
          // them anyway, instead of hashing whatever it turns into.
          if (bytes > info.bytes) {
            stream.destroy();
            break;
          }
          hash.update(chunk);
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
        }
      } catch (error) {
        // A damaged deflate stream or a wrong CRC: zlib and yauzl say so before any hash could.
        throw new ImportRefusedError('bundle-tampered', wording('import.damagedFile', { name, detail: (error as Error).message }));
      }
      if (bytes !== info.bytes || hash.digest('hex') !== info.sha256) {
        throw new ImportRefusedError('bundle-tampered', wording('import.hashMismatch', { name }));
      }
      const expected = expectedLines(this.manifest, name);
      if (lines !== info.lines || (expected !== undefined && lines !== expected)) {
        throw new ImportRefusedError('bundle-tampered', wording('import.rowCount', { name, lines, expected: expected ?? info.lines }));
      }
    }
  }

  /**
   * The entry's rows, one parsed JSON value per line, streamed. Lines are cut as bytes (a newline byte is never part
   * of a longer UTF-8 character), so a long line costs its length once, not once per chunk, and one longer than
   * MAX_ROW_BYTES is refused before it is held whole.
   */
  async *rows(name: string): AsyncGenerator<unknown> {
    const stream = await this.open(name);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let line = 0;
    const take = (piece: Buffer): Buffer => {
      const whole = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      return whole;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, start)) {
        line++;
        tooLong(pendingBytes + at - start, name, line);
        const text = take(chunk.subarray(start, at));
        start = at + 1;
        if (text.length > 0) yield parseLine(text.toString('utf8'), name, line);
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        tooLong(pendingBytes, name, line + 1);
      }
    }
    const last = take(Buffer.alloc(0));
    if (last.length > 0) yield parseLine(last.toString('utf8'), name, line + 1);
  }

  private async open(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new ImportRefusedError('bundle-invalid', wording('import.noFile', { name }));
    return this.zip.openReadStreamPromise(entry);
  }
}

function tooLong(bytes: number, name: string, line: number): void {
  if (bytes > MAX_ROW_BYTES) {
    throw new ImportRefusedError('bundle-invalid', wording('import.lineTooLong', { name, line, mib: MAX_ROW_BYTES / 1024 / 1024 }));
  }
}

/**
 * Before anything is inflated: each listed file's size in the zip's directory must be the manifest's (yauzl then
 * refuses an entry that inflates to more than its directory says), and the tables held in memory must fit. A zip
 * bomb, a small file that inflates to gigabytes, is refused here instead of being inflated and hashed first.
 */
function checkDeclaredSizes(manifest: BundleManifest, entries: Map<string, yauzl.Entry>): void {
  let tableBytes = 0;
  for (const [name, info] of Object.entries(manifest.files)) {
    const entry = entries.get(name);
    if (!entry) continue;
    if (entry.uncompressedSize !== info.bytes) {
      throw new ImportRefusedError('bundle-tampered', wording('import.sizeMismatch', { name, inZip: entry.uncompressedSize, inManifest: info.bytes }));
    }
    if (name !== STATEMENTS_FILE && name !== STATEMENT_ROWS_FILE) tableBytes += info.bytes;
  }
  if (tableBytes > MAX_TABLE_BYTES) {
    throw new ImportRefusedError('bundle-invalid', wording('import.tablesTooLarge', { bytes: tableBytes, max: MAX_TABLE_BYTES }));
  }
}

function parseLine(text: string, name: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportRefusedError('bundle-invalid', wording('import.lineNotJson', { name, line }));
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
