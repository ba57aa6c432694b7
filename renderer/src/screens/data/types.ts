/** Shapes of /admin/api/data (server/admin/data-*.ts and server/import/import-report.ts), as the screen reads them. */
export const EXPORT_FORMATS = [
  { value: 'ndjson', label: 'NDJSON (one xAPI statement a line)' },
  { value: 'json', label: 'JSON array' },
  { value: 'csv', label: 'CSV (spreadsheet)' },
  { value: 'traces-csv', label: 'RAGE traces CSV' },
  { value: 'zip', label: 'ZIP bundle (for another laptop)' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value'];

export interface ExportProgress {
  done: number;
  total: number;
  finished: boolean;
  failed: boolean;
}

export interface StateCounts {
  pending: number;
  sent: number;
  conflict: number;
  rejected: number;
}

export interface UploadTarget {
  id: string;
  endpoint: string;
  username: string;
  created: string;
  counts: StateCounts;
  notQueued: number;
}

export interface UploadSummary {
  sent: number;
  alreadyThere: number;
  conflicts: number;
  rejected: number;
  totals: StateCounts;
  problems: Array<{ id: string; state: string; message: string }>;
}

export interface UploadJob {
  endpoint: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  summary: UploadSummary | null;
  error: string | null;
}

export const IMPORT_KINDS = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions', 'statements'] as const;
type Counts = Record<(typeof IMPORT_KINDS)[number], number>;

export interface ImportReport {
  bundle: { appVersion: string; created: string; pseudonymized: boolean };
  added: Counts;
  alreadyThere: Counts;
  conflicts: Counts;
  skipped: number;
  notes: Array<{ kind: string; id: string; type: string; message: string }>;
  changed: boolean;
}
