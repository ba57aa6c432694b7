import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { openDatabase } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { ROOT } from '../support/serve-process.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const run = promisify(execFile);
const AULA = path.join(ROOT, 'bin', 'aula.js');

// A family asks to erase "ana@school.org": an xAPI client's player is named by the identity it sent, not by the
// `xapi-<hash>` playerId Aula derived, as `aula export --player` takes it.
test('aula player erase takes an xAPI player by e-mail address, and refuses a name that means two players', async () => {
  const collector = await startTestCollector();
  const dataDir = collector.config.dataDir;
  const ana = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@school.org' };
  const carls = [
    { objectType: 'Agent', account: { homePage: 'http://lms.example.org', name: 'carl' } },
    { objectType: 'Agent', account: { homePage: 'https://quiz.example.com/', name: 'carl' } },
  ];
  const xapi = xapiEndpoint(collector, 'Science lab');
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify([ana, ana, ...carls].map((actor) => statement({ actor }))) });
  assert.equal(posted.status, 200, posted.text);
  await collector.close();
  const env = { ...process.env, AULA_LOG_LEVEL: 'warn' };
  const aula = (...args: string[]) =>
    run(process.execPath, [AULA, ...args, '--data-dir', dataDir], { cwd: ROOT, env }).catch((error: { code: number; stdout: string; stderr: string }) => error);

  const ambiguous = await aula('player', 'erase', 'carl', '--yes');
  assert.equal((ambiguous as { code?: number }).code, 1);
  assert.match(ambiguous.stderr, /"carl" names 2 players: xapi-\S+ \(account carl/);

  const erased = await aula('player', 'erase', 'ana@school.org', '--yes', '--json');
  const report = JSON.parse(erased.stdout) as { erased: boolean; statements: number };
  assert.deepEqual([report.erased, report.statements], [true, 2]);
  const db = openDatabase(dataDir);
  try {
    // Ana's two statements went; both of the carls' stayed.
    assert.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 2);
  } finally {
    db.close();
  }
});
