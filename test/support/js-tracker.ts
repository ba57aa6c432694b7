import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DRIVER = path.resolve(import.meta.dirname, '../clients/drive-tracker.cjs');

export interface TrackerRun {
  started: boolean;
  playerId?: string;
  session?: number;
  objectId?: string;
  actor?: { account: { homePage: string; name: string }; name: string };
  flushed?: [boolean, boolean];
  pending?: number;
}

/** One scripted session of the real js-tracker 0.9.2 (6 statements in two flushes), in a child process. */
export async function runJsTracker(
  baseUrl: string,
  trackingCode: string,
  options: { userToken?: string; collector?: 'collector/' } = {},
): Promise<TrackerRun> {
  const { stdout } = await run(process.execPath, [DRIVER, `${baseUrl}/`, trackingCode, options.userToken ?? '', options.collector ?? ''], {
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as TrackerRun;
}
