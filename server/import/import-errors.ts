/** Why a bundle is refused before anything is written; `reason` is the admin API's kebab-code. */
export type ImportRefusal = 'not-a-bundle' | 'bundle-too-new' | 'bundle-tampered' | 'bundle-invalid';

export class ImportRefusedError extends Error {
  constructor(
    readonly reason: ImportRefusal,
    message: string,
  ) {
    super(message);
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
    super(
      `The disk is full: the import stopped after ${done.toLocaleString('en')} of ${total.toLocaleString('en')} statements. What was imported is kept and consistent; free some space and import the same bundle again to add the rest.`,
    );
  }
}

/** SQLite's "database or disk is full" (also its max_page_count), or the file system's ENOSPC. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}
