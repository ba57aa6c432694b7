/** A copy of the database into backups/ (automaticBackup). */
export interface BackupRequest {
  task: 'backup';
  dataDir: string;
  label: string;
  nowMs: number;
}

/** The start-up quick_check of a database too large to check on the writer thread (server/index.ts). */
export interface CheckRequest {
  task: 'check';
  dataDir: string;
}

export type ThreadRequest = BackupRequest | CheckRequest;

export type BackupReply = { ok: true; file: string } | { ok: false; message: string; code?: string };

/** `problem`: quick_check's first finding, or null when the database is sound. */
export type CheckReply = { ok: true; problem: string | null } | { ok: false; message: string; code?: string };
