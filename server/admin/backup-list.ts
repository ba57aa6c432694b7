import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { backupInThread } from '../store/backup-thread/backup-in-thread.js';
import { AUTOMATIC_BACKUPS_KEPT, backupsDir } from '../store/backups.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { BackupFile, BackupList } from './api-types.js';

/** When a backup's snapshot was taken: the time in its name (aula-2026-11-28T09-15-00-000Z-….sqlite), else the file's. */
export function backupTakenAt(name: string, modified: Date): string {
  const stamp = /^aula-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!stamp) return modified.toISOString();
  const time = new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`);
  return Number.isNaN(time.getTime()) ? modified.toISOString() : time.toISOString();
}

/**
 * The backups kept in the data folder's backups/ (the ones automaticBackup writes and rotates). Given the database,
 * each says how many erasures were made after it: such a backup may still hold what they erased.
 */
export function listBackups(dataDir: string, db?: Db): BackupList {
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
        const backup: BackupFile = { name, bytes: stat.size, createdAt: stat.mtime.toISOString() };
        if (db) backup.erasuresSince = erasuresSince(db, backupTakenAt(name, stat.mtime));
        return [backup];
      } catch {
        return [];
      }
    });
  return { folder, kept: AUTOMATIC_BACKUPS_KEPT, backups };
}

function erasuresSince(db: Db, takenAt: string): number {
  return prepared<[string], { n: number }>(db, 'SELECT count(*) AS n FROM erasures WHERE time > ?').get(takenAt)?.n ?? 0;
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
