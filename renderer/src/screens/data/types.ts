/** Shapes of /admin/api/data (server/admin/data-*.ts and server/import/import-report.ts), as the screen reads them. */
import type { ImportKind, ImportReport, StateCounts, UploadJob, UploadSummary, UploadTargetView } from '../../../../server/admin/api-types.js';

/** The formats of `aula export --format`, each with the key of its wording in the data namespace. */
export const EXPORT_FORMATS = [
  { value: 'ndjson', label: 'export.formats.ndjson' },
  { value: 'json', label: 'export.formats.json' },
  { value: 'csv', label: 'export.formats.csv' },
  { value: 'traces-csv', label: 'export.formats.tracesCsv' },
  { value: 'zip', label: 'export.formats.zip' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value'];

export interface ExportProgress {
  done: number;
  total: number;
  finished: boolean;
  failed: boolean;
}

/** The upload target as the Data screen lists it. */
export type UploadTarget = UploadTargetView;
export type { ImportReport, StateCounts, UploadJob, UploadSummary };

/** The tables of a bundle in the order the import report lists them (server/import/import-report.ts). */
export const IMPORT_KINDS: readonly ImportKind[] = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions', 'statements'];
