import fs from 'node:fs';
import path from 'node:path';
import { pseudonym } from '../normalize/index.js';
import { schemaVersion } from '../store/migrations/index.js';
import type { Db } from '../store/open-database.js';
import { appVersion } from './app-version.js';
import { CSV_COLUMNS } from './csv-format.js';
import type { ExportReport } from './export-data.js';
import type { ExportOptions } from './export-options.js';
import type { ExportSettings } from './pseudonymous-agents.js';
import { TRACE_COLUMNS } from './traces-format.js';
import { filteredPublicId } from './zip-bundle.js';

export const EXPORT_MANIFEST_FORMAT = 'aula-export/1';

/** The manifest written beside an exported file (`-o lesson.csv` → `lesson.csv.manifest.json`). */
export const manifestFileFor = (file: string): string => `${file}.manifest.json`;

/**
 * What an exported file holds, for the researcher who opens it weeks later, or hands it on: which Aula made it
 * when, with which filters and options (a bundle's manifest says the same inside the zip), how many statements, and
 * for the CSV formats their columns in order. The player filtered on is named as the file names players.
 */
export function exportManifest(db: Db, file: string, options: ExportOptions, settings: ExportSettings, report: ExportReport): Record<string, unknown> {
  const salt = settings.pseudonymSalt;
  const filters =
    salt && options.filters.player !== undefined ? { ...options.filters, player: pseudonym(salt, filteredPublicId(db, options.filters.player)) } : options.filters;
  const columns = options.format === 'csv' ? CSV_COLUMNS : options.format === 'traces-csv' ? TRACE_COLUMNS : undefined;
  return {
    format: EXPORT_MANIFEST_FORMAT,
    app: 'aula',
    appVersion: appVersion(),
    schemaVersion,
    created: new Date().toISOString(),
    file: path.basename(file),
    exportFormat: options.format,
    filters,
    options: {
      actors: options.actors,
      pseudonymize: options.pseudonymize,
      asReceived: options.asReceived,
      namespace: settings.namespace,
      homePage: settings.homePage,
    },
    statements: report.statements,
    invalid: report.invalid,
    bytes: report.bytes,
    ...(columns ? { columns } : {}),
  };
}

/** Written under a temporary name and renamed, as the export itself: a manifest with its final name is complete. */
export function writeExportManifest(file: string, manifest: Record<string, unknown>): void {
  const target = manifestFileFor(file);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  try {
    fs.writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
