import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson } from '../support/http.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const aula = aulaWithInput;

test('aula student add --password-stdin: the password comes from standard input and works for logging in', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  assert.equal((await aula(['class', 'create', '--name', '4A', ...dir])).code, 0);

  const added = await aula(['student', 'add', 'rosa', '--password-stdin', '--class', '4A', ...dir], 'luna llena 7\n');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /Added rosa to class 4A/);

  const both = await aula(['student', 'add', 'tom', '--password', 'x', '--password-stdin', '--class', '4A', ...dir], 'y\n');
  assert.equal(both.code, 1);
  assert.match(both.stderr, /either --password or --password-stdin, not both/);
  const none = await aula(['student', 'add', 'tom', '--class', '4A', ...dir]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /A password is needed: --password PW, or --password-stdin/);
  const empty = await aula(['student', 'add', 'tom', '--password-stdin', '--class', '4A', ...dir], '\n');
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /read an empty password/);

  const collector = await startTestCollector({ dataDir });
  assert.equal((await postJson(`${collector.url}/api/login`, { username: 'rosa', password: 'luna llena 7' })).status, 200);
  assert.equal((await postJson(`${collector.url}/api/login`, { username: 'rosa', password: 'luna llena 7\n' })).status, 401);
  assert.equal((await postJson(`${collector.url}/api/login`, { username: 'tom', password: 'x' })).status, 401, 'refused adds stored nothing');
});
