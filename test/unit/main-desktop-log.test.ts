// The desktop app's log: a file in the per-user folder, bounded however long the laptop collects, and a destination
// that fails (no standard error on a Windows app started from Explorer, a folder it may not write) never ends the app.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { desktopLogDestination, desktopLogFile } from '../../main/desktop-log.js';
import { createLogger } from '../../server/logger.js';
import { tempDir } from '../support/temp-dir.js';

const linesOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string });

/** A descriptor number that is not open, as standard error is in a Windows GUI app. */
function closedDescriptor(): number {
  const fd = fs.openSync(path.join(tempDir(), 'gone'), 'w');
  fs.closeSync(fd);
  return fd;
}

describe('the desktop log', () => {
  test('is logs/aula.log in the per-user folder: JSON lines, in a folder only its user can read', () => {
    const home = tempDir();
    const file = desktopLogFile(home);
    assert.equal(file, path.join(home, 'logs', 'aula.log'));
    const log = createLogger('info', { destination: desktopLogDestination({ file, stderrFd: null }) });
    log.info({ port: 3000 }, 'collector running');
    log.debug('not at info');
    assert.deepEqual(
      linesOf(file).map((line) => line.msg),
      ['collector running'],
    );
    if (process.platform !== 'win32') assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
  });

  test('a term of lines keeps at most two files of the cap: aula.log and aula.log.1, the newest lines kept', () => {
    const file = desktopLogFile(tempDir());
    const maxBytes = 4096;
    const log = createLogger('info', { destination: desktopLogDestination({ file, maxBytes, stderrFd: null }) });
    for (let index = 0; index < 1000; index++) log.info({ index }, 'a batch was stored');
    const files = fs.readdirSync(path.dirname(file)).sort();
    assert.deepEqual(files, ['aula.log', 'aula.log.1']);
    for (const name of files) assert.ok(fs.statSync(path.join(path.dirname(file), name)).size <= maxBytes, name);
    const last = linesOf(file).at(-1) as unknown as { index: number };
    assert.equal(last.index, 999);
  });

  test('a start after a long run goes on in the same file until the cap', () => {
    const file = desktopLogFile(tempDir());
    createLogger('info', { destination: desktopLogDestination({ file, stderrFd: null }) }).info('first run');
    createLogger('info', { destination: desktopLogDestination({ file, stderrFd: null }) }).info('second run');
    assert.deepEqual(
      linesOf(file).map((line) => line.msg),
      ['first run', 'second run'],
    );
  });

  test('no standard error (EBADF): the lines go to the file, and logging never throws', () => {
    const file = desktopLogFile(tempDir());
    const log = createLogger('info', { destination: desktopLogDestination({ file, stderrFd: closedDescriptor() }) });
    assert.doesNotThrow(() => {
      log.info('collector running');
      log.error('the collector did not start');
    });
    assert.deepEqual(
      linesOf(file).map((line) => line.msg),
      ['collector running', 'the collector did not start'],
    );
  });

  test('a log file that cannot be written: the app goes on, standard error says so once and keeps the lines', () => {
    const notAFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    const stderrFile = path.join(tempDir(), 'stderr');
    const stderr = fs.openSync(stderrFile, 'w');
    const log = createLogger('info', {
      destination: desktopLogDestination({ file: path.join(notAFolder, 'logs', 'aula.log'), stderrFd: stderr }),
    });
    assert.doesNotThrow(() => {
      log.info('one');
      log.info('two');
    });
    fs.closeSync(stderr);
    const messages = linesOf(stderrFile).map((line) => line.msg);
    assert.equal(messages.length, 3);
    assert.match(messages[0] ?? '', /the log file .*aula\.log cannot be written/);
    assert.deepEqual(messages.slice(1), ['one', 'two']);
  });

  test('neither destination works: logging still never throws', () => {
    const notAFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    const log = createLogger('info', {
      destination: desktopLogDestination({ file: path.join(notAFolder, 'aula.log'), stderrFd: closedDescriptor() }),
    });
    assert.doesNotThrow(() => log.fatal('the desktop app could not start'));
  });
});
