import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export function getSetting(db: Db, key: string): string | undefined {
  const row = prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** A value generated once per installation (JWT secret, teacher key…): the first process to ask creates it. */
export function getOrCreateSetting(db: Db, key: string, create: () => string): string {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, create());
  return getSetting(db, key) as string;
}
