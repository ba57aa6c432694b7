import type { BackupsNote } from '../admin/api-types.js';
import { listBackups } from '../admin/backup-list.js';

export type { BackupsNote };

/**
 * Every erasure says it: a backup is a copy of the whole database made before, so it still holds what was erased
 * (the DPO's answer to the family must say so, and where those copies are, to delete them or let them rotate away).
 */
export function backupsNote(dataDir: string): BackupsNote {
  const { folder, backups } = listBackups(dataDir);
  const count = backups.length;
  const held = count === 0 ? 'Backups made before the erasure still hold the data' : `${count} backup${count === 1 ? '' : 's'} in ${folder} (and any copied elsewhere) were made before the erasure and still hold the data`;
  return { folder, count, message: `${held}: delete those no longer needed (Settings → Backups, or aula backup list and aula backup delete NAME).` };
}
