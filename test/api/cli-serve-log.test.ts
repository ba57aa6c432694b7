import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDataFolder } from '../support/data-folder.js';
import { ROOT } from '../support/serve-process.js';

/** `aula serve` with its two streams apart, as `aula serve > addresses.txt 2> aula.log` or a service manager keeps them. */
async function serveAndStop(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'aula.js'), 'serve', '--data-dir', tempDataFolder(), '--host', '127.0.0.1', '--port', '0', '--no-mdns'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.includes('Press Ctrl+C to stop.')) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe('the log of aula serve', () => {
  it('goes to standard error as JSON lines when not a terminal; standard output holds only the addresses', async () => {
    const run = await serveAndStop({ AULA_LOG_LEVEL: 'info' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Aula collector is running \(data: .*\)\n/);
    assert.doesNotMatch(run.stdout, /"level"|"msg"/, 'no log line among the addresses');
    const lines = run.stderr.trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    assert.ok(
      entries.some((entry) => entry.level === 30 && entry.msg === 'SIGTERM: finishing the last writes and stopping'),
      run.stderr,
    );
  });

  it('a mistyped level in the desktop app logs at info and says so, instead of stopping the app before its window', () => {
    const script = `import('./server/logger.ts').then(({ createLogger }) => { createLogger('verbose', { pretty: false }).info('started'); })`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const entries = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    assert.deepEqual(
      entries.map((entry) => [entry.level, entry.msg]),
      [
        [40, 'AULA_LOG_LEVEL "verbose" is not a log level (fatal, error, warn, info, debug, trace, silent); logging at info'],
        [30, 'started'],
      ],
    );
  });
});
