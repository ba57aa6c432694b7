import type { BackupFile, BackupList, ErasureLog, ErasureLogEntry, MdnsInfo } from '../../../../server/admin/api-types.js';

export type { BackupFile, BackupList, ErasureLog, ErasureLogEntry };

/** GET /admin/api/settings (server/admin/settings-routes.ts). */
export interface Settings {
  teacherKey: string;
  /** How this browser got in: on the teacher's computer, or with the key's cookie from another device. */
  access: 'loopback' | 'cookie' | 'bearer' | null;
  dataDir: string;
  collector: { host: string; port: number; urls: string[]; path: string; homePage: string };
  mdns: MdnsInfo;
}

/** The part of the overview and of live changes that the full-disk banner reads. */
export interface StorageState {
  /** `damaged`: the message of the check that runs after every start, with the way out; null when sound. */
  storage?: { full: boolean; damaged?: string | null };
}
