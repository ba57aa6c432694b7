import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { backupInThread } from '../store/backup-thread/backup-in-thread.js';
import { AUTOMATIC_BACKUPS_KEPT, backupsDir } from '../store/backups.js';
import type { BackupFile, BackupList } from './api-types.js';

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

/** The backup under way per collector: a second click (or a close) waits for it, so two copies never overlap. */
const running = new WeakMap<AppContext, Promise<unknown>>();

/**
 * One backup now, on a thread of its own (`VACUUM INTO` would otherwise pause every game's request for about a
 * second per few hundred MB). Backups run one after the other.
 */
export function backupNow(ctx: AppContext, label: string): Promise<BackupFile> {
  const previous = running.get(ctx) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(async () => {
    const started = Date.now();
    const file = await backupInThread({ dataDir: ctx.config.dataDir, label, nowMs: ctx.now() });
    const stat = fs.statSync(file);
    ctx.log.info({ file, bytes: stat.size, ms: Date.now() - started }, 'backup written');
    return { name: path.basename(file), bytes: stat.size, createdAt: stat.mtime.toISOString() };
  });
  running.set(ctx, next);
  return next;
}

/** After an activity is closed from the dashboard, like `aula activity close`: a failed backup never fails the close. */
export async function backupAfterClose(ctx: AppContext, trackingCode: string): Promise<BackupFile | null> {
  try {
    return await backupNow(ctx, `closed-${trackingCode}`);
  } catch (error) {
    ctx.log.error({ err: error, trackingCode }, 'automatic backup after closing an activity failed');
    return null;
  }
}
