import type { Database } from 'better-sqlite3';

/**
 * Refused requests found by the device that sent them, newest last: a device keeps at most a bounded number of
 * distinct refusals (rejections-repo.ts), so a script sending endless distinct bad requests cannot fill the disk. The
 * bound is checked on every stored refusal, through this index (a few hundred entries of one address at most); never
 * per statement, as only refused requests are written here.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX rejected_requests_by_address ON rejected_requests (address, id)');
}
