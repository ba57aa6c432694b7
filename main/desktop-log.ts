import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FOLDER_MODE } from '../server/store/open-database.js';

/**
 * Where the desktop app keeps its log: `logs/aula.log` in the per-user folder (Electron's userData, AULA_DATA_DIR
 * when set), not in the chosen data folder, which may be the missing USB stick the log has to explain.
 */
export function desktopLogFile(homeDir: string): string {
  return path.join(homeDir, 'logs', 'aula.log');
}

/**
 * Beyond this size the log moves to `aula.log.1` (replacing the one before) and starts again: at most twice this on
 * disk however long a laptop collects, which at info is weeks of a term's lines (a few hundred bytes each).
 */
export const LOG_FILE_BYTES = 5 * 1024 * 1024;

export interface LogDestination {
  write(line: string): void;
}

export interface DesktopLogOptions {
  file: string;
  maxBytes?: number;
  /** Also write each line here (standard error, 2) while that works; null: the file only. */
  stderrFd?: number | null;
}

/**
 * The desktop app's log destination for pino: each line to the file and to standard error. Neither may stop the app:
 * a Windows app started from Explorer has no standard error (EBADF), and the per-user folder may not be writable.
 * A destination that fails is dropped (said once on the other) and the app runs on; writes are synchronous, so the
 * lines before a crash are on disk.
 */
export function desktopLogDestination(options: DesktopLogOptions): LogDestination {
  const maxBytes = options.maxBytes ?? LOG_FILE_BYTES;
  let stderr = options.stderrFd ?? null;
  if (stderr !== null && !usable(stderr)) stderr = null;
  let fd: number | null = null;
  let size = 0;
  let fileFailed = false;

  const toStderr = (text: string): void => {
    if (stderr === null) return;
    if (!writeAll(stderr, text)) stderr = null;
  };
  const fileFailure = (error: unknown): void => {
    fileFailed = true;
    if (fd !== null) closeQuietly(fd);
    fd = null;
    toStderr(`${JSON.stringify({ level: 40, time: Date.now(), msg: `the log file ${options.file} cannot be written: ${(error as Error).message}` })}\n`);
  };
  const open = (): void => {
    fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    fd = fs.openSync(options.file, 'a', 0o600);
    size = fs.fstatSync(fd).size;
  };
  const rotate = (): void => {
    closeQuietly(fd as number);
    fd = null;
    try {
      fs.renameSync(options.file, `${options.file}.1`);
    } catch {
      // Held open elsewhere (Windows): start the file again rather than let it grow.
      fs.truncateSync(options.file);
    }
    open();
  };
  const toFile = (text: string): void => {
    if (fileFailed) return;
    try {
      if (fd === null) open();
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) rotate();
      if (!writeAll(fd as number, text)) throw new Error('the write failed');
      size += bytes;
    } catch (error) {
      fileFailure(error);
    }
  };
  return {
    write(line) {
      toFile(line);
      toStderr(line);
    },
  };
}

function usable(fd: number): boolean {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** The whole text, retrying a pipe that is momentarily full; false when the descriptor cannot be written. */
function writeAll(fd: number, text: string): boolean {
  let buffer = Buffer.from(text);
  for (let attempts = 0; buffer.length > 0; ) {
    try {
      buffer = buffer.subarray(fs.writeSync(fd, buffer));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || ++attempts > 100) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  return true;
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already unusable: nothing left to release.
  }
}
