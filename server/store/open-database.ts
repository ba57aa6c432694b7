import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations, schemaVersion } from './migrations/index.js';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Aula (schema ${found}, this version knows ${schemaVersion}). ` +
        'Install the newer Aula, or point --data-dir at another folder.',
    );
  }
}

/** The database cannot be read as SQLite: the message says how to get back to work from a backup. */
export class DatabaseDamagedError extends Error {
  constructor(file: string, problem: string, dataDir: string) {
    super(
      `The database ${file} is damaged (${problem}). Stop Aula, keep the damaged file aside, and restore the newest ` +
        `backup from ${path.join(dataDir, 'backups')} with: aula restore <backup file> --data-dir ${dataDir}`,
    );
  }
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'aula.sqlite');
}

/**
 * Opens (creating when needed) the database of a data folder. Durable by default: WAL with synchronous=FULL, so an
 * acknowledged write is on disk; group commit in the ingest writer is what keeps that fast.
 */
export function openDatabase(dataDir: string, options: { readonly?: boolean } = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = databaseFile(dataDir);
  const db = new Database(file, { readonly: options.readonly ?? false });
  let found: number;
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    found = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code && DAMAGE_CODES.has(code)) throw new DatabaseDamagedError(file, (error as Error).message, dataDir);
    throw error;
  }
  if (found > schemaVersion) {
    db.close();
    throw new DatabaseTooNewError(file, found);
  }
  if (!options.readonly) migrate(db, found);
  return db;
}

function migrate(db: Db, from: number): void {
  if (from === schemaVersion) return;
  // IMMEDIATE: two processes opening a new folder at once must not both run migration 1.
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let version = current; version < schemaVersion; version++) {
      const step = migrations[version];
      if (!step) throw new Error(`missing migration ${version + 1}`);
      step(db);
    }
    db.pragma(`user_version = ${schemaVersion}`);
  });
  run.immediate();
}
