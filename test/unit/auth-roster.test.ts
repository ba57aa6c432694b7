import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { verifyPassword } from '../../server/auth/password-hash.js';
import { checkAccounts, createAccounts, RosterError, type WriteRunner } from '../../server/auth/roster.js';
import { parseRosterCsv } from '../../server/auth/roster-csv.js';
import { createClass } from '../../server/store/classes-repo.js';
import { openDatabase } from '../../server/store/open-database.js';
import { findStudentCredentials, listStudents } from '../../server/store/students-repo.js';
import { tempDir } from '../support/temp-dir.js';

const AULA = path.resolve(import.meta.dirname, '../../bin/aula.js');
const execFileAsync = promisify(execFile);

async function aula(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [AULA, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('roster CSV', () => {
  test('username,password[,name]; a header line, blank lines, a BOM and quoted cells are fine', () => {
    const parsed = parseRosterCsv('\uFEFFusername,password,name\r\nana,pw-1,"García, Ana"\r\n\r\nBob,pw-2\r\n');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.accounts, [
      { line: 2, username: 'ana', password: 'pw-1', name: 'García, Ana' },
      { line: 4, username: 'Bob', password: 'pw-2', name: undefined },
    ]);
  });

  test("a Spanish spreadsheet's header line is skipped, not made a student", () => {
    for (const header of ['usuario;contraseña;nombre', 'Nombre de usuario;Contraseña', 'Alumno;Clave']) {
      const parsed = parseRosterCsv(`${header}\nana;pw-1;Ana\n`);
      assert.deepEqual(parsed.problems, [], header);
      assert.deepEqual(
        parsed.accounts.map((a) => a.username),
        ['ana'],
        header,
      );
    }
  });

  test('a spreadsheet saved with semicolons is read as well', () => {
    const parsed = parseRosterCsv('ana;pw-1;Ana\nbob;pw-2\n');
    assert.deepEqual(
      parsed.accounts.map((a) => [a.username, a.password, a.name]),
      [
        ['ana', 'pw-1', 'Ana'],
        ['bob', 'pw-2', undefined],
      ],
    );
  });

  test('each bad line is reported with its number', () => {
    const parsed = parseRosterCsv('ana,pw\nbob\n,pw\ncarla,pw,Carla,extra\n');
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.message]),
      [
        [2, 'the password of "bob" is missing'],
        [3, 'the username is missing'],
        [4, 'expected username,password[,name] but found 4 columns'],
      ],
    );
    assert.equal(parsed.accounts.length, 1);
  });

  test('a quote inside a cell is part of it: the other lines are still read and reported by line', () => {
    const parsed = parseRosterCsv('ana,pa"ss,Ana\nbob\ndan,pw,O"Neil Dan\n');
    assert.deepEqual(
      parsed.accounts.map((a) => [a.username, a.password, a.name]),
      [
        ['ana', 'pa"ss', 'Ana'],
        ['dan', 'pw', 'O"Neil Dan'],
      ],
    );
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.message]),
      [[2, 'the password of "bob" is missing']],
    );
  });
});

describe('creating accounts', () => {
  const db = openDatabase(tempDir());
  after(() => db.close());
  const write: WriteRunner = async (job) => db.transaction(job).immediate(db);
  const classId = createClass(db, '3B').id;

  test('all or nothing: every problem is listed and no account is created', async () => {
    const accounts = [
      { username: 'ok-one', password: 'fine', line: 1 },
      { username: 'Ana María', password: 'fine', line: 2 },
      { username: 'ok-two', password: 'has"quote', line: 3 },
      { username: 'OK-ONE', password: 'fine', line: 4 },
    ];
    assert.deepEqual(
      checkAccounts(db, accounts).map((p) => p.line),
      [2, 3, 4],
    );
    await assert.rejects(createAccounts(db, write, classId, accounts), (error: unknown) => {
      assert.ok(error instanceof RosterError);
      assert.match(error.message, /line 2: the username "ana maría" may only hold/);
      assert.match(error.message, /line 4: the username "ok-one" appears twice \(first on line 1\)/);
      assert.doesNotMatch(error.message, /has"quote/, 'a problem never repeats the password');
      return true;
    });
    assert.deepEqual(listStudents(db), []);
  });

  test('usernames are stored lower-case, passwords only as scrypt hashes, members of the class', async () => {
    const [ana] = await createAccounts(db, write, classId, [{ username: ' Ana.G ', password: 'sol-y-luna', name: 'Ana G' }]);
    assert.equal(ana?.username, 'ana.g');
    assert.deepEqual(ana?.classes, [{ name: '3B', role: 'student' }]);
    assert.ok(!JSON.stringify(ana).includes('sol-y-luna'));
    const credentials = findStudentCredentials(db, 'ANA.G');
    assert.match(credentials?.passwordHash ?? '', /^scrypt\$/);
    assert.equal(await verifyPassword('sol-y-luna', credentials?.passwordHash as string), true);
    assert.deepEqual(
      checkAccounts(db, [{ username: 'ANA.g', password: 'x' }]).map((p) => p.message),
      ['a student "ana.g" already exists'],
    );
    assert.deepEqual(
      checkAccounts(db, [{ username: 'zoe', password: 'x', email: 'zoe"@x.test' }]).map((p) => p.message),
      ['"zoe"@x.test" is not an e-mail address'],
    );
  });
});

describe('aula class / student commands', () => {
  const dataDir = tempDir();
  const dir = ['--data-dir', dataDir];

  test('a teacher sets up a class, adds and imports students, lists them; a bad roster imports nothing', async () => {
    const created = await aula('class', 'create', '--name', '3B', '--json', ...dir);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).name, '3B');
    assert.equal((await aula('class', 'create', '--name', '3b', ...dir)).code, 1, 'names are unique whatever the case');

    const added = await aula('student', 'add', 'Dan', '--password', 'dan-secret', '--class', '3B', '--name', 'Dan D', '--json', ...dir);
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual(JSON.parse(added.stdout).classes, [{ name: '3B', role: 'student' }]);
    const unknownClass = await aula('student', 'add', 'eve', '--password', 'x', '--class', 'nope', ...dir);
    assert.equal(unknownClass.code, 1);
    assert.match(unknownClass.stderr, /No class named "nope"/);

    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'username,password,name\nana,ana-secret,Ana\nDAN,other\nluis josé,pw\nmaria,\n');
    const refused = await aula('student', 'import', bad, '--class', '3B', ...dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /nothing was imported, 3 problems to fix/);
    assert.match(refused.stderr, /line 3: a student "dan" already exists/);
    assert.match(refused.stderr, /line 4: the username "luis josé"/);
    assert.match(refused.stderr, /line 5: the password of "maria" is missing/);
    assert.doesNotMatch(refused.stderr, /ana-secret|other/);

    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(good, 'ana,ana-secret,Ana\nluis,luis-secret\n');
    const imported = await aula('student', 'import', good, '--class', '3B', ...dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 2 students into class 3B/);

    const listed = await aula('student', 'list', '--class', '3B', '--json', ...dir);
    const students = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      students.map((s) => [s.username, s.name]),
      [
        ['ana', 'Ana'],
        ['dan', 'Dan D'],
        ['luis', null],
      ],
    );
    assert.doesNotMatch(listed.stdout, /secret|scrypt|password/i);

    const activity = await aula('activity', 'create', '--name', 'Fractions', '--class', '3B', '--no-anonymous', '--json', ...dir);
    assert.equal(activity.code, 0, activity.stderr);
    assert.equal(JSON.parse(activity.stdout).className, '3B');
    const classes = await aula('class', 'list', '--json', ...dir);
    assert.deepEqual(
      (JSON.parse(classes.stdout) as Array<Record<string, unknown>>).map((c) => [c.name, c.students, c.activities]),
      [['3B', 3, 1]],
    );
  });
});
