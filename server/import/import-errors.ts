import { type Wording, word, wording } from '../i18n/wording.js';

/** Why a bundle is refused before anything is written; `reason` is the admin API's kebab-code. */
export type ImportRefusal = 'not-a-bundle' | 'bundle-too-new' | 'bundle-tampered' | 'bundle-invalid';

/**
 * Its `message` is English (`aula import` prints it); the admin API words its `wording` in the dashboard's language.
 * A wording is plain data, so it crosses from the import's thread as it is; a string is a message in English only.
 */
export class ImportRefusedError extends Error {
  readonly wording: Wording | undefined;

  constructor(
    readonly reason: ImportRefusal,
    message: string | Wording,
  ) {
    super(typeof message === 'string' ? message : word(message));
    this.wording = typeof message === 'string' ? undefined : message;
  }
}

/**
 * The disk filled up while the bundle was being merged. Every chunk committed before is whole and counted (each is
 * one transaction that recounts what it touched), so importing the same bundle again, once there is room, adds the
 * rest. `done` statements of `total` had been read when it stopped.
 */
export class ImportDiskFullError extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(word(wording('import.diskFull', { done, total })));
  }

  /** For the admin API, which words it in the dashboard's language. */
  get wording(): Wording {
    return wording('import.diskFull', { done: this.done, total: this.total });
  }
}

/** SQLite's "database or disk is full" (also its max_page_count), or the file system's ENOSPC. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}
