import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson } from '../support/http.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const aula = aulaWithInput;

interface StudentJson {
  username: string;
  classes: Array<{ name: string; role: string }>;
}

test('aula student password: a new password (from --password or standard input), never printed; the old one stops working', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  assert.equal((await aula(['class', 'create', '--name', '4A', ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'rosa', '--password', 'Old-Pass-11', '--class', '4A', ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'teo', '--password', 'Teo-Pass-22', '--class', '4A', ...dir])).code, 0);

  const reset = await aula(['student', 'password', 'ROSA', '--password', 'New-Pass-33', ...dir]);
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /New password set for rosa\./);
  assert.match(reset.stdout, /a game already logged in must log in again/, 'says that earlier logins end');
  assert.ok(!reset.stdout.includes('New-Pass-33'), 'the password is not printed');

  const fromStdin = await aula(['student', 'password', 'teo', '--password-stdin', '--json', ...dir], 'sol de tarde 4\n');
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  const json = JSON.parse(fromStdin.stdout) as StudentJson & Record<string, unknown>;
  assert.equal(json.username, 'teo');
  assert.deepEqual(json.classes, [{ name: '4A', role: 'student' }]);
  assert.ok(!fromStdin.stdout.includes('sol de tarde'), 'no password in the JSON');
  assert.ok(!('passwordHash' in json));

  // Refusals: exit 1, a clear message, and nothing changed.
  const unknown = await aula(['student', 'password', 'zoe', '--password', 'Zoe-Pass-44', ...dir]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No student "zoe"/);
  const quote = await aula(['student', 'password', 'rosa', '--password-stdin', ...dir], 'has"quote\n');
  assert.equal(quote.code, 1);
  assert.match(quote.stderr, /Password not changed: the password contains "/);
  assert.ok(!quote.stderr.includes('has"quote'), 'the message does not repeat the password');
  const none = await aula(['student', 'password', 'rosa', ...dir]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /A password is needed: --password PW, or --password-stdin/);
  const both = await aula(['student', 'password', 'rosa', '--password', 'x', '--password-stdin', ...dir], 'y\n');
  assert.equal(both.code, 1);
  assert.match(both.stderr, /either --password or --password-stdin, not both/);

  const collector = await startTestCollector({ dataDir });
  const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });
  assert.equal((await login('rosa', 'Old-Pass-11')).status, 401, 'the old password is refused');
  assert.equal((await login('rosa', 'New-Pass-33')).status, 200);
  assert.equal((await login('teo', 'sol de tarde 4')).status, 200);
  assert.equal((await login('teo', 'Teo-Pass-22')).status, 401);
  await collector.close();
});

test('aula student remove: out of the class, the account stays; not a member → exit 1', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  for (const name of ['4A', '4B']) assert.equal((await aula(['class', 'create', '--name', name, ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'rosa', '--password', 'Rosa-Pass-55', '--class', '4A', ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'teo', '--password', 'Teo-Pass-66', '--class', '4A', ...dir])).code, 0);

  const wrongClass = await aula(['student', 'remove', 'rosa', '--class', '4B', ...dir]);
  assert.equal(wrongClass.code, 1);
  assert.match(wrongClass.stderr, /rosa is not in class 4B/);
  const unknown = await aula(['student', 'remove', 'zoe', '--class', '4A', ...dir]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No student "zoe"/);
  const noClass = await aula(['student', 'remove', 'rosa', '--class', '9Z', ...dir]);
  assert.equal(noClass.code, 1);
  assert.match(noClass.stderr, /No class named "9Z"/);

  const removed = await aula(['student', 'remove', 'Rosa', '--class', '4A', ...dir]);
  assert.equal(removed.code, 0, removed.stderr);
  assert.match(removed.stdout, /Removed rosa from class 4A\. The account and everything rosa played stay/);

  const inClass = await aula(['student', 'list', '--class', '4A', '--json', ...dir]);
  assert.deepEqual(
    (JSON.parse(inClass.stdout) as StudentJson[]).map((s) => s.username),
    ['teo'],
  );
  const all = JSON.parse((await aula(['student', 'list', '--json', ...dir])).stdout) as StudentJson[];
  assert.deepEqual(
    all.map((s) => [s.username, s.classes.map((c) => c.name)]),
    [
      ['rosa', []],
      ['teo', ['4A']],
    ],
    'the account stays, in no class',
  );

  const twice = await aula(['student', 'remove', 'rosa', '--class', '4A', '--json', ...dir]);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /rosa is not in class 4A/);
  const teo = await aula(['student', 'remove', 'teo', '--class', '4A', '--json', ...dir]);
  assert.equal(teo.code, 0, teo.stderr);
  const answer = JSON.parse(teo.stdout) as { class: { name: string; students: number }; student: StudentJson };
  assert.equal(answer.class.name, '4A');
  assert.equal(answer.class.students, 0);
  assert.deepEqual(answer.student.classes, []);

  const collector = await startTestCollector({ dataDir });
  assert.equal(
    (await postJson(`${collector.url}/api/login`, { username: 'rosa', password: 'Rosa-Pass-55' })).status,
    200,
    'the account still logs in (into activities open to everyone)',
  );
  await collector.close();
});

test('aula student join: an existing account into one more class (two subjects), refused when already in it or unknown', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  for (const name of ['Maths 4A', 'Physics 4B']) assert.equal((await aula(['class', 'create', '--name', name, ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'rosa', '--password', 'Rosa-Pass-77', '--class', 'Maths 4A', ...dir])).code, 0);

  const joined = await aula(['student', 'join', 'ROSA', '--class', 'physics 4b', ...dir]);
  assert.equal(joined.code, 0, joined.stderr);
  assert.match(joined.stdout, /Added rosa to class Physics 4B \(now in: Maths 4A, Physics 4B\)\. The game logs in with the same username and password/);

  const inPhysics = JSON.parse((await aula(['student', 'list', '--class', 'Physics 4B', '--json', ...dir])).stdout) as StudentJson[];
  assert.deepEqual(
    inPhysics.map((s) => [s.username, s.classes]),
    [
      [
        'rosa',
        [
          { name: 'Maths 4A', role: 'student' },
          { name: 'Physics 4B', role: 'student' },
        ],
      ],
    ],
  );

  // Already a member: exit 1, the role stays, and the way to change it is named.
  const twice = await aula(['student', 'join', 'rosa', '--class', 'Physics 4B', '--role', 'assistant', ...dir]);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /rosa is already in class Physics 4B \(as student\)\. To change the role: aula student remove rosa --class "Physics 4B"/);
  const unknown = await aula(['student', 'join', 'zoe', '--class', 'Physics 4B', ...dir]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No student "zoe"/);
  const noClass = await aula(['student', 'join', 'rosa', '--class', '9Z', ...dir]);
  assert.equal(noClass.code, 1);
  assert.match(noClass.stderr, /No class named "9Z"/);
  const badRole = await aula(['student', 'join', 'rosa', '--class', 'Physics 4B', '--role', 'principal', ...dir]);
  assert.equal(badRole.code, 1);
  assert.match(badRole.stderr, /--role must be one of: student, assistant, teacher/);

  // Moved out of the wrong class and into the right one, with a role: remove, then join.
  assert.equal((await aula(['student', 'remove', 'rosa', '--class', 'Physics 4B', ...dir])).code, 0);
  const asAssistant = await aula(['student', 'join', 'rosa', '--class', 'Physics 4B', '--role', 'assistant', '--json', ...dir]);
  assert.equal(asAssistant.code, 0, asAssistant.stderr);
  const answer = JSON.parse(asAssistant.stdout) as { class: { name: string; students: number; assistants: number }; student: StudentJson };
  assert.equal(answer.class.name, 'Physics 4B');
  assert.deepEqual([answer.class.students, answer.class.assistants], [0, 1], 'an assistant is not counted as a student');
  assert.deepEqual(answer.student.classes, [
    { name: 'Maths 4A', role: 'student' },
    { name: 'Physics 4B', role: 'assistant' },
  ]);
  assert.ok(!asAssistant.stdout.includes('Rosa-Pass-77') && !asAssistant.stdout.includes('scrypt'), 'no password nor hash');

  const collector = await startTestCollector({ dataDir });
  assert.equal(
    (await postJson(`${collector.url}/api/login`, { username: 'rosa', password: 'Rosa-Pass-77' })).status,
    200,
    'the same password as before',
  );
  await collector.close();
});

interface ClassJson {
  id: string;
  name: string;
  students: number;
  activities: number;
}

test('aula class rename: the class, its students and its activities under a new name; a taken name (any case) → exit 1', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  for (const name of ['4A', '4B']) assert.equal((await aula(['class', 'create', '--name', name, ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'rosa', '--password', 'Rosa-Pass-88', '--class', '4A', ...dir])).code, 0);
  assert.equal((await aula(['activity', 'create', '--name', 'Fractions', '--class', '4A', '--no-anonymous', ...dir])).code, 0);

  const taken = await aula(['class', 'rename', '4A', '--to', '4b', ...dir]);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /A class named "4B" already exists/);
  const unknown = await aula(['class', 'rename', '9Z', '--to', '9Y', ...dir]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No class named "9Z"/);

  const renamed = await aula(['class', 'rename', '4a', '--to', 'Maths 4A', ...dir]);
  assert.equal(renamed.code, 0, renamed.stderr);
  assert.match(renamed.stdout, /Renamed class 4A to Maths 4A\. Its 1 student and 1 activity stay with it\./);
  const asJson = await aula(['class', 'rename', 'maths 4a', '--to', 'MATHS 4A', '--json', ...dir]);
  assert.equal(asJson.code, 0, asJson.stderr);
  assert.deepEqual(
    (({ name, students, activities }: ClassJson) => ({ name, students, activities }))(JSON.parse(asJson.stdout) as ClassJson),
    { name: 'MATHS 4A', students: 1, activities: 1 },
  );

  const classes = JSON.parse((await aula(['class', 'list', '--json', ...dir])).stdout) as ClassJson[];
  assert.deepEqual(
    classes.map((c) => c.name),
    ['4B', 'MATHS 4A'],
  );
  const rosa = JSON.parse((await aula(['student', 'list', '--class', 'MATHS 4A', '--json', ...dir])).stdout) as StudentJson[];
  assert.deepEqual(
    rosa.map((s) => [s.username, s.classes]),
    [['rosa', [{ name: 'MATHS 4A', role: 'student' }]]],
  );
  assert.match((await aula(['activity', 'list', ...dir])).stdout, /Fractions {2}\(game: .*class: MATHS 4A/);
});

test('aula class delete: without --yes only says what would happen; with --yes the class and its memberships go, the accounts stay; refused while activities link to it', async () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];
  for (const name of ['4A', '4B', '4C']) assert.equal((await aula(['class', 'create', '--name', name, ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'rosa', '--password', 'Rosa-Pass-99', '--class', '4A', ...dir])).code, 0);
  assert.equal((await aula(['student', 'add', 'teo', '--password', 'Teo-Pass-99', '--class', '4A', ...dir])).code, 0);
  assert.equal((await aula(['student', 'join', 'teo', '--class', '4B', ...dir])).code, 0);
  assert.equal((await aula(['activity', 'create', '--name', 'Decimals', '--class', '4C', ...dir])).code, 0);
  const classNames = async () => (JSON.parse((await aula(['class', 'list', '--json', ...dir])).stdout) as ClassJson[]).map((c) => c.name);

  const preview = await aula(['class', 'delete', '4a', ...dir]);
  assert.equal(preview.code, 1);
  assert.match(preview.stdout, /Would delete class 4A and its 2 memberships \(the student accounts stay/);
  assert.match(preview.stderr, /Nothing deleted\. Run again with --yes/);
  assert.deepEqual(await classNames(), ['4A', '4B', '4C'], 'nothing changed');
  assert.equal(JSON.parse((await aula(['student', 'list', '--class', '4A', '--json', ...dir])).stdout).length, 2);

  const inUse = await aula(['class', 'delete', '4C', '--yes', ...dir]);
  assert.equal(inUse.code, 1);
  assert.match(inUse.stderr, /Class 4C is not deleted: activity "Decimals" is linked to it\. An activity with traces is not deleted \(they are research data\): give them another class or none first .*delete the ones no game has played, or rename the class instead/);
  const unknown = await aula(['class', 'delete', '9Z', '--yes', ...dir]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No class named "9Z"/);

  const deleted = await aula(['class', 'delete', '4A', '--yes', ...dir]);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.match(deleted.stdout, /Deleted class 4A and its 2 memberships/);
  assert.deepEqual(await classNames(), ['4B', '4C']);
  const all = JSON.parse((await aula(['student', 'list', '--json', ...dir])).stdout) as StudentJson[];
  assert.deepEqual(
    all.map((s) => [s.username, s.classes.map((c) => c.name)]),
    [
      ['rosa', []],
      ['teo', ['4B']],
    ],
    'the accounts stay; teo is still in 4B',
  );
  const json = await aula(['class', 'delete', '4B', '--yes', '--json', ...dir]);
  assert.equal(json.code, 0, json.stderr);
  const answer = JSON.parse(json.stdout) as { deleted: boolean; class: ClassJson };
  assert.deepEqual([answer.deleted, answer.class.name, answer.class.students], [true, '4B', 1]);

  const collector = await startTestCollector({ dataDir });
  assert.equal((await postJson(`${collector.url}/api/login`, { username: 'rosa', password: 'Rosa-Pass-99' })).status, 200, 'the account still logs in');
  await collector.close();
});
