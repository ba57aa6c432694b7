import fs from 'node:fs';

/** Written per call: a large backup is overwritten in steps, never held in memory whole. */
const OVERWRITE_CHUNK = 1024 * 1024;

/** The files SQLite may have left beside a backup someone opened (aula restore checks it read-only, leaving none). */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Removes a file whose bytes are first overwritten with zeros and flushed, so that the erased data a backup held is
 * not left readable in the freed blocks of an ordinary disk (an SSD or a snapshotting file system may keep old blocks
 * anyway: SECURITY.md). Asynchronous, in chunks, for the collector's event loop (`aula backup delete`, Settings →
 * Backups). Resolves with the file's size.
 */
export async function overwriteAndRemove(file: string): Promise<number> {
  // Never through a link: one put in the backup's place after backupFile() looked at it (lstat) fails here (ELOOP)
  // instead of zeroing what it points to, the database say. As the rotation's open below.
  const handle = await fs.promises.open(file, fs.constants.O_RDWR | (fs.constants.O_NOFOLLOW ?? 0));
  let bytes = 0;
  try {
    bytes = (await handle.stat()).size;
    const zeros = Buffer.alloc(Math.min(OVERWRITE_CHUNK, Math.max(1, bytes)));
    for (let position = 0; position < bytes; position += zeros.length) {
      await handle.write(zeros, 0, Math.min(zeros.length, bytes - position), position);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rm(file);
  for (const suffix of SIDE_FILES) await fs.promises.rm(`${file}${suffix}`, { force: true });
  return bytes;
}

/**
 * The same, synchronously, for code already off the event loop: the backup thread's rotation of automatic backups
 * (and `aula activity close`, a process of its own). A file already gone is no error; one that cannot be overwritten
 * (read-only) is still removed, as before, since a removed file is still better than a kept one; one with another name
 * (a hard link) is only removed, its bytes being that other copy's.
 */
export function overwriteAndRemoveSync(file: string): void {
  // A link named like a backup is only unlinked: what it points to (the database itself, say) is never overwritten.
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) overwriteSync(file);
  fs.rmSync(file, { force: true });
  for (const suffix of SIDE_FILES) fs.rmSync(`${file}${suffix}`, { force: true });
}

function overwriteSync(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    // Another name for the same bytes (a hard link, as Back In Time or rsync --link-dest keep an unchanged file): the
    // removal frees none of them, so zeros would erase nothing from the disk and only destroy that other copy.
    if (stat.nlink > 1) return;
    const bytes = stat.size;
    const zeros = Buffer.alloc(Math.min(OVERWRITE_CHUNK, Math.max(1, bytes)));
    for (let position = 0; position < bytes; position += zeros.length) {
      fs.writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - position), position);
    }
    fs.fsyncSync(fd);
  } catch {
    // Gone meanwhile, or read-only: it is removed all the same.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
