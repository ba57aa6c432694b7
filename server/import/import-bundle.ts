import { BUNDLE_TABLES } from '../export/bundle-tables.js';
import { STATEMENT_ROWS_FILE } from '../export/zip-bundle.js';
import type { Db } from '../store/open-database.js';
import { storedHereNow } from '../store/stored-clock.js';
import { isoNow } from '../util/time.js';
import { BundleReader } from './bundle-reader.js';
import { type BundleRows, bundleRowSchemas, parseRow, type StatementRow, statementRowSchema } from './bundle-rows.js';
import { importAttachments } from './import-attachments.js';
import { ImportDiskFullError, isDiskFull } from './import-errors.js';
import { bundleOrigin } from './import-origin.js';
import { addNote, emptyReport, IMPORT_KINDS, type ImportReport } from './import-report.js';
import { importStatementChunk } from './import-statements.js';
import { type IdMaps, importTables } from './import-tables.js';
import { noneTouched, recount, type Touched } from './recount.js';

export interface ImportProgress {
  phase: 'verifying' | 'importing';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Runs one write transaction: ctx.writer.run in the server, a plain IMMEDIATE transaction in the CLI. */
  write: <T>(job: (db: Db) => T) => Promise<T>;
  /** Statements per write transaction. */
  chunkSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** After each committed write, with what it touched (the server tells open dashboards). */
  onCommitted?: (touched: Touched) => void;
  /**
   * When the statements are stored here (`stored_here`), read inside each chunk's transaction: the collector's clock
   * in the server; by default the wall clock, never before the newest statement stored here (stored-clock.ts).
   */
  storedHere?: (db: Db) => string;
}

export const DEFAULT_CHUNK = 5000;

/**
 * Merges a zip bundle from another Aula into this one. Nothing is written before the whole bundle is verified
 * (manifest version, every file's SHA-256 and row count). Then the tables go in one transaction and the
 * statements follow, streamed from the zip, in chunks of one transaction each: each chunk is idempotent (a
 * statement already here is compared, never written twice) and recounts what it touched before it commits, so an
 * import that stops midway leaves consistent counters and is completed by importing the same bundle again.
 */
export async function importBundle(file: string, options: ImportOptions): Promise<ImportReport> {
  const reader = await BundleReader.open(file);
  try {
    const { manifest } = reader;
    const files = Object.keys(manifest.files).length;
    let verified = 0;
    await reader.verify(() => options.onProgress?.({ phase: 'verifying', done: verified++, total: files }));
    // Called as each file starts: without this the last word was "8 / 9", as if one file had not been checked.
    options.onProgress?.({ phase: 'verifying', done: files, total: files });
    const tables = await readTables(reader);
    const report = emptyReport({
      format: manifest.format,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      created: manifest.created,
      pseudonymized: manifest.options.pseudonymize,
      filters: manifest.filters,
    });
    const total = manifest.counts.statements ?? 0;
    options.onProgress?.({ phase: 'importing', done: 0, total });
    const read = { statements: 0 };
    try {
      const { maps, touched } = await options.write((db) => {
        const written = noneTouched();
        const mapped = importTables(db, tables, report, written, bundleOrigin(manifest));
        recount(db, written);
        return { maps: mapped, touched: written };
      });
      options.onCommitted?.(touched);
      await importStatements(reader, maps, report, options, total, read);
      await importAttachments(reader, manifest, report, options.write);
    } catch (error) {
      // A stack trace from SQLite said nothing of what was kept or what to do next.
      if (isDiskFull(error)) throw new ImportDiskFullError(read.statements, total);
      throw error;
    }
    // Rules adopted by an activity that was already here change it too (importTables set the flag then).
    report.changed = report.changed || IMPORT_KINDS.some((kind) => report.added[kind] > 0);
    return report;
  } finally {
    reader.close();
  }
}

async function readTables(reader: BundleReader): Promise<BundleRows> {
  const tables: Partial<Record<keyof BundleRows, unknown[]>> = {};
  for (const table of BUNDLE_TABLES) {
    const rows: unknown[] = [];
    let line = 0;
    for await (const value of reader.rows(`${table}.ndjson`)) rows.push(parseRow(bundleRowSchemas[table], value, `${table}.ndjson`, ++line));
    tables[table] = rows;
  }
  return tables as BundleRows;
}

async function importStatements(
  reader: BundleReader,
  maps: IdMaps,
  report: ImportReport,
  options: ImportOptions,
  total: number,
  committed: { statements: number },
): Promise<void> {
  const size = options.chunkSize ?? DEFAULT_CHUNK;
  let chunk: StatementRow[] = [];
  let done = 0;
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    if (rows.length > 0) {
      // Not inside `onCommitted?.(…)`: an optional call skips evaluating its argument, and the write with it.
      const storedHere = options.storedHere ?? storedHereNow;
      const touched = await options.write((db) => importStatementChunk(db, rows, maps, report, isoNow(), storedHere(db)));
      options.onCommitted?.(touched);
    }
    done += rows.length;
    committed.statements = done;
    options.onProgress?.({ phase: 'importing', done, total });
  };
  let line = 0;
  for await (const value of reader.rows(STATEMENT_ROWS_FILE)) {
    line++;
    const parsed = statementRowSchema.safeParse(value);
    if (!parsed.success) {
      // Verified bundles are what an Aula exported; a row this version cannot read is reported, not guessed at.
      const id = typeof (value as { id?: unknown } | null)?.id === 'string' ? (value as { id: string }).id : `row ${line}`;
      addNote(report, { kind: 'statements', id, type: 'skipped', message: parsed.error.issues[0]?.message ?? 'unreadable row' });
      done++;
      continue;
    }
    chunk.push(parsed.data);
    if (chunk.length >= size) await flush();
  }
  await flush();
}
