import fs from 'node:fs';
import path from 'node:path';
import { type Wording, word, wording } from '../i18n/wording.js';
import { backupsDir } from './backups.js';
import { overwriteAndRemove } from './overwrite-file.js';

/** Its `message` is English (`aula backup delete` prints it); the admin API words its `wording` in the request's language. */
export class BackupDeleteError extends Error {
  constructor(
    readonly reason: 'invalid-backup-name' | 'backup-not-found',
    readonly wording: Wording,
  ) {
    super(word(wording));
  }
}

/**
 * The file of a backup named as `GET /admin/api/backups` and `aula backup list` name it: a plain file name in the
 * data folder's backups/, `aula-….sqlite`. Anything else (a path, `..`, another folder's file) is refused, so this
 * can never delete the database or a file outside backups/.
 */
export function backupFile(dataDir: string, name: string): string {
  const folder = backupsDir(dataDir);
  const plain = path.basename(name) === name && !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..';
  if (!plain || !name.startsWith('aula-') || !name.endsWith('.sqlite')) {
    throw new BackupDeleteError(
      'invalid-backup-name',
      wording('backup.invalidName', { name, folder }),
    );
  }
  const file = path.join(folder, name);
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new BackupDeleteError('backup-not-found', wording('backup.notFound', { name, folder }));
  return file;
}

/**
 * Deletes one backup: its bytes are first overwritten with zeros (and flushed), so that the erased data it held is
 * not left readable in the freed blocks of an ordinary disk, then the file goes. Asynchronous, in chunks: the
 * collector goes on answering games while a large backup is overwritten.
 */
export async function deleteBackup(dataDir: string, name: string): Promise<{ name: string; bytes: number }> {
  const file = backupFile(dataDir, name);
  const bytes = await overwriteAndRemove(file);
  return { name, bytes };
}
