// The desktop app on a Spanish system words its dialogs in Spanish, but its log in English: support reads the log,
// whatever the teacher's system speaks. main/index.ts as it ships, against the stand-in Electron, in a process of its
// own whose log (JSON lines on standard error) this test reads.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { settingsPath } from '../../main/settings.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Shown {
  dialogs: Array<{ title?: string; message: string }>;
  exits: number[];
}

interface LogLine {
  level: number;
  msg: string;
  problem?: { kind: string; message: string; english?: string };
}

/** Runs the app until it exits (every dialog cancelled: Salir); what it showed and the JSON lines it logged. */
function runShell(env: Record<string, string>): Promise<{ shown: Shown; log: LogLine[]; stderr: string }> {
  const script = path.join(ROOT, 'test', 'support', 'electron-shell-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the app's process ended with ${code}: ${stderr}`));
      const log = stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);
      resolve({ shown: JSON.parse(stdout) as Shown, log, stderr });
    });
  });
}

describe('the desktop app on a Spanish system logs in English', () => {
  const blocker = net.createServer();
  let taken = 0;
  before(async () => {
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    taken = (blocker.address() as net.AddressInfo).port;
  });
  after(() => blocker.close());

  test('saved settings it cannot use and a port already taken: Spanish dialogs, English log lines', { timeout: 60_000 }, async () => {
    const dataDir = tempDir('aula-log-english-');
    const file = settingsPath(dataDir);
    fs.writeFileSync(file, JSON.stringify({ port: '3001' }));
    const { shown, log, stderr } = await runShell({
      AULA_DATA_DIR: dataDir,
      AULA_LOG_LEVEL: 'info',
      AULA_PORT: String(taken),
      AULA_HOST: '127.0.0.1',
      AULA_TEST_SYSTEM_LANGUAGES: 'es-ES,en-US',
    });

    // The teacher reads Spanish.
    assert.deepEqual(
      shown.dialogs.map((dialog) => dialog.message),
      [
        `${file} tiene valores no válidos ("port" vale "3001", pero debe ser un número entero de 1 a 65535); se usan los ajustes predeterminados`,
        `Otro programa ya está usando el puerto ${taken}.`,
      ],
    );
    assert.deepEqual(shown.exits, [0], 'Salir');

    // Support reads English.
    const warning = log.find((line) => line.level === 40);
    assert.equal(warning?.msg, `${file} has invalid values ("port" is "3001", but must be a whole number from 1 to 65535); using the defaults`);
    const failure = log.find((line) => line.msg === 'the collector did not start');
    assert.deepEqual(failure?.problem, { kind: 'port-taken', port: taken, message: `Port ${taken} is already used by another program.` });
    assert.doesNotMatch(stderr, /puerto|ajustes|válid/, 'no Spanish in the log');
  });
});
