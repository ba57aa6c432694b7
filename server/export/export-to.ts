import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ensurePseudonymSalt, readPseudonymSalt } from '../normalize/index.js';
import { type Db, databaseFile, openDatabase } from '../store/open-database.js';
import { type ExportProgress, type ExportReport, exportData } from './export-data.js';
import { type ExportOptions, normalizeSettingsFor } from './export-options.js';
import { ExportFileError } from './output-file.js';

/**
 * A read connection of its own for one export: iterating a million rows must not keep the server's shared
 * connection busy. WAL gives it a consistent snapshot while the collector keeps writing.
 */
export function openReadConnection(dataDir: string): Db {
  if (!fs.existsSync(databaseFile(dataDir))) return openDatabase(dataDir);
  return openDatabase(dataDir, { readonly: true });
}

/**
 * Exports into a file: written under a temporary name and renamed at the end, so a file with the final name is
 * always complete. `salt` comes from ensurePseudonymSalt (run by the caller as a write) when pseudonymising. With
 * `overwrite: false` a file that appeared under the final name meanwhile is kept and the export refused.
 */
export async function exportToFile(
  dataDir: string,
  homePage: string,
  options: ExportOptions,
  file: string,
  salt: string | undefined,
  onProgress?: (progress: ExportProgress) => void,
  { overwrite = true }: { overwrite?: boolean } = {},
): Promise<ExportReport> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  // Opened here, so a folder that cannot take the file fails before anything is exported, as an error, not as an
  // 'error' event nobody listens to.
  const out = fs.createWriteStream(partial, { fd: fs.openSync(partial, 'w') });
  let writeError: Error | undefined;
  out.on('error', (error) => {
    writeError ??= error;
  });
  try {
    const report = await exportToStream(dataDir, homePage, options, out, salt, onProgress);
    out.end();
    await finished(out);
    if (writeError) throw writeError;
    if (!overwrite && fs.existsSync(file)) throw new ExportFileError(`${path.resolve(file)} appeared while exporting; it is kept, the export is not written`);
    fs.renameSync(partial, file);
    return report;
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw writeError ?? error;
  }
}

export async function exportToStream(
  dataDir: string,
  homePage: string,
  options: ExportOptions,
  output: Writable,
  salt: string | undefined,
  onProgress?: (progress: ExportProgress) => void,
): Promise<ExportReport> {
  const db = openReadConnection(dataDir);
  try {
    const settings = normalizeSettingsFor(db, homePage, options, salt ?? readPseudonymSalt(db));
    return await exportData(db, settings, options, output, onProgress);
  } finally {
    db.close();
  }
}

/** For the CLI, which writes directly (WAL + busy_timeout let it coexist with a running server). */
export function pseudonymSaltForCli(db: Db, pseudonymize: boolean): string | undefined {
  return pseudonymize ? ensurePseudonymSalt(db) : undefined;
}
