import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { getSetting, setSetting } from './settings-repo.js';

/**
 * Changes made by another process (the `aula` CLI beside `aula serve`) never pass through the server's event bus, so
 * an open dashboard showed them only after a reload: `aula activity close CODE` left the activity "open" on screen.
 * Such a process leaves a new stamp when it wrote anything; the server looks at it every second.
 */
const CHANGE_STAMP_KEY = 'changed_elsewhere';

/** After a command's work, before its connection closes: a new stamp when this connection changed any row. */
export function stampIfChanged(db: Db): void {
  const { changes } = prepared<[], { changes: number }>(db, 'SELECT total_changes() AS changes').get() as { changes: number };
  if (changes > 0) setSetting(db, CHANGE_STAMP_KEY, randomUUID());
}

export function readChangeStamp(db: Db): string | undefined {
  return getSetting(db, CHANGE_STAMP_KEY);
}
