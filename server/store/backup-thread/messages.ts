export interface BackupRequest {
  dataDir: string;
  label: string;
  nowMs: number;
}

export type BackupReply = { ok: true; file: string } | { ok: false; message: string; code?: string };
