import type { BackupsNote } from '../admin/api-types.js';
import { listBackups } from '../admin/backup-list.js';
import { type Language, word, wording } from '../i18n/wording.js';

export type { BackupsNote };

/**
 * Every erasure says it: a backup is a copy of the whole database made before, so it still holds what was erased
 * (the DPO's answer to the family must say so, and where those copies are, to delete them or let them rotate away).
 */
export function backupsNote(dataDir: string, language: Language = 'en'): BackupsNote {
  const { folder, backups } = listBackups(dataDir);
  const count = backups.length;
  const held = count === 0 ? wording('erasure.backupsHold') : wording('erasure.backupsIn', { count, folder });
  // In the dashboard's language for the dashboard (erasure-routes.ts); in English for `aula activity erase`.
  return { folder, count, message: word(wording('erasure.backups', { held }), language) };
}
