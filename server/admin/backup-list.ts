import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { AUTOMATIC_BACKUPS_KEPT, automaticBackup, backupsDir } from '../store/backups.js';

export interface BackupFile {
  name: string;
  bytes: number;
  createdAt: string;
}

export interface BackupList {
  folder: string;
  /** How many backups the folder keeps: the oldest go first. */
  kept: number;
  /** Newest first. */
  backups: BackupFile[];
}

/** The backups kept in the data folder's backups/ (the ones automaticBackup writes and rotates). */
export function listBackups(dataDir: string): BackupList {
  const folder = backupsDir(dataDir);
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder).filter((name) => name.startsWith('aula-') && name.endsWith('.sqlite'));
  } catch {
    // No backup yet: the folder is created by the first one.
  }
  const backups = names
    .sort()
    .reverse()
    .flatMap((name) => {
      try {
        const stat = fs.statSync(path.join(folder, name));
        return [{ name, bytes: stat.size, createdAt: stat.mtime.toISOString() }];
      } catch {
        return [];
      }
    });
  return { folder, kept: AUTOMATIC_BACKUPS_KEPT, backups };
}

/**
 * One backup now, on the main thread: `VACUUM INTO` is synchronous in better-sqlite3, so the collector pauses while
 * it copies (about a second per few hundred MB; games' requests wait in the socket, none is lost). A worker thread
 * would need its own bundled entry; the pause is accepted because backups are rare (a click, an activity closed).
 */
export function backupNow(ctx: AppContext, label: string): BackupFile {
  const started = ctx.now();
  const file = automaticBackup(ctx.db, ctx.config.dataDir, label, new Date(started));
  const stat = fs.statSync(file);
  ctx.log.info({ file, bytes: stat.size, ms: ctx.now() - started }, 'backup written');
  return { name: path.basename(file), bytes: stat.size, createdAt: stat.mtime.toISOString() };
}

/** After an activity is closed from the dashboard, like `aula activity close`: a failed backup never fails the close. */
export function backupAfterClose(ctx: AppContext, trackingCode: string): BackupFile | null {
  try {
    return backupNow(ctx, `closed-${trackingCode}`);
  } catch (error) {
    ctx.log.error({ err: error, trackingCode }, 'automatic backup after closing an activity failed');
    return null;
  }
}
