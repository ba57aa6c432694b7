import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

test('a class with a teacher counts its students alone, as Live does, and says the teacher apart (aula class list, the dashboard)', async () => {
  const dataDir = tempDir();
  const aula = (...args: string[]) => runAula([...args, '--data-dir', dataDir]);
  assert.equal((await aula('class', 'create', '--name', 'Maths 3B')).code, 0);
  for (const [index, username] of ['ana', 'ben', 'carla', 'dani', 'eva'].entries()) {
    assert.equal((await aula('student', 'add', username, '--password', `Paso-Largo-${index}0`, '--class', 'Maths 3B')).code, 0);
  }
  assert.equal((await aula('student', 'add', 'profe', '--password', 'Tiza-Verde-88', '--class', 'Maths 3B', '--role', 'teacher')).code, 0);

  const listed = await aula('class', 'list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^Maths 3B {2}\(students: 5, teachers: 1, activities: 0\)$/m);
  const json = JSON.parse((await aula('class', 'list', '--json')).stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(
    { students: json[0]?.students, assistants: json[0]?.assistants, teachers: json[0]?.teachers, members: json[0]?.members },
    { students: 5, assistants: 0, teachers: 1, members: 6 },
  );
  const renamed = await aula('class', 'rename', 'Maths 3B', '--to', 'Maths 3b');
  assert.match(renamed.stdout, /Its 5 students, 1 teacher and 0 activities stay with it\./);
  // Deleting takes away every membership, the teacher's too.
  assert.match((await aula('class', 'delete', 'Maths 3b')).stdout, /Would delete class Maths 3b and its 6 memberships/);

  const collector = await startTestCollector({ dataDir });
  try {
    const summary = (await request(`${collector.url}/admin/api/classes/summary`)).json as { classes: Array<Record<string, unknown>> };
    assert.equal(summary.classes[0]?.students, 5, 'the Classes screen counts what Live counts: "of 5 students"');
    assert.equal(summary.classes[0]?.teachers, 1);
  } finally {
    await collector.close();
  }
});

test('aula student delete without --yes says at once that a student with data will be refused, why, and what to do; the dashboard names the player', async () => {
  const collector = await startTestCollector();
  try {
    const dataDir = collector.config.dataDir;
    const aula = (...args: string[]) => runAula([...args, '--data-dir', dataDir]);
    assert.equal((await aula('class', 'create', '--name', '3B')).code, 0);
    assert.equal((await aula('student', 'add', 'david', '--password', 'Nube-Alta-41', '--name', 'David Ruiz', '--class', '3B')).code, 0);
    assert.equal((await aula('student', 'add', 'elsa', '--password', 'Nube-Baja-42', '--class', '3B')).code, 0);
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const login = await postJson(`${collector.url}/api/login`, { username: 'david', password: 'Nube-Alta-41' });
    const token = (login.json as { user: { token: string } }).user.token;
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });

    const asked = await aula('student', 'delete', 'david');
    assert.equal(asked.code, 1);
    assert.match(asked.stdout, /Would not delete the account of david \(David Ruiz\), in 3B: --yes is refused too while david's data is in Aula\./);
    assert.match(asked.stderr, /Nothing deleted: david still has data in Aula \(1 session\)\. Erase it first \(aula player erase david --yes\), then delete the account\./);
    assert.doesNotMatch(asked.stderr, /Run again with --yes/);

    // A student without data: the dry run is as before.
    const elsa = await aula('student', 'delete', 'elsa');
    assert.match(elsa.stdout, /Would delete the account of elsa, in 3B\./);
    assert.match(elsa.stderr, /Run again with --yes to delete it/);

    const refused = await request(`${collector.url}/admin/api/students/david`, { method: 'DELETE' });
    assert.equal(refused.status, 409, refused.text);
    assert.deepEqual((refused.json as { error: { reason: string; player: string } }).error.reason, 'student-has-data');
    assert.equal((refused.json as { error: { player: string } }).error.player, 'david', "the player whose page erases the data, for the dashboard's link");
  } finally {
    await collector.close();
  }
});

test('adding a username that exists points to student join (not to an import); a class name taken is named as it is written', async () => {
  const dataDir = tempDir();
  const aula = (...args: string[]) => runAula([...args, '--data-dir', dataDir]);
  assert.equal((await aula('class', 'create', '--name', '3B')).code, 0);
  assert.equal((await aula('class', 'create', '--name', '4A')).code, 0);
  assert.equal((await aula('student', 'add', 'ana', '--password', 'Sol-y-Luna-31', '--class', '3B')).code, 0);

  const again = await aula('student', 'add', 'ANA', '--password', 'Otra-Clave-52', '--class', '4A');
  assert.equal(again.code, 1);
  assert.equal(again.stderr.trim(), 'aula: Student not added: a student "ana" already exists. To put that account in class 4A too: aula student join ana --class "4A"');
  const badPassword = await aula('student', 'add', 'teo', '--password', 'has"quote', '--class', '4A');
  assert.equal(badPassword.code, 1);
  assert.match(badPassword.stderr, /^aula: Student not added: the password contains " or \\ or a control character \(student "teo"\)\.\n$/);
  assert.doesNotMatch(badPassword.stderr, /imported|problem to fix/);

  const taken = await aula('class', 'create', '--name', '3b');
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /A class named "3B" already exists/);

  // Moved: out of 3B, into 4A; the CLI lists where the student is now.
  assert.equal((await aula('student', 'remove', 'ana', '--class', '3B')).code, 0);
  assert.match((await aula('student', 'join', 'ana', '--class', '4A')).stdout, /Added ana to class 4A \(now in: 4A\)/);

  const collector = await startTestCollector({ dataDir });
  try {
    const classes = (await request(`${collector.url}/admin/api/classes/summary`)).json as { classes: Array<{ id: string; name: string }> };
    const fourA = classes.classes.find((c) => c.name === '4A')?.id as string;
    const added = await postJson(`${collector.url}/admin/api/classes/${fourA}/students`, { username: 'ana', password: 'Otra-Clave-52' }, { 'Accept-Language': 'en' });
    assert.equal(added.status, 409);
    assert.match((added.json as { error: { message: string } }).error.message, /already exists .*To put that account in class 4A too, use Add an existing student below\./);
    assert.doesNotMatch(added.text, /imported/);
    const created = await postJson(`${collector.url}/admin/api/classes`, { name: '4a' });
    assert.match((created.json as { error: { message: string } }).error.message, /^A class named "4A" already exists/);
  } finally {
    await collector.close();
  }
});
