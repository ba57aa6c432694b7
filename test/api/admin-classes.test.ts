import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { openStream } from '../support/event-stream.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { type StartAnswer, start, statementS, track } from '../support/rage.js';

interface ClassBody {
  id: string;
  name: string;
  created: string;
  students: number;
  assistants: number;
  teachers: number;
  members: number;
  activities: number;
}

interface StudentBody {
  id: string;
  username: string;
  name: string | null;
  email: string;
  role: string;
  created: string;
}

interface ErrorBody {
  error: { reason: string; message: string; problems?: Array<{ line: number | null; message: string }> };
}

const PASSWORDS = [
  'Lemon-Tree-4417',
  'Blue-Kite-2290',
  'Quiet-River-8812',
  'Paper-Moon-5531',
  'Stone-Bridge-0764',
  'Green-Lamp-3348',
  'Red-Door-6120',
];

describe('the dashboard manages classes and student accounts (/admin/api/classes…)', () => {
  let collector: Collector;
  const logLines: string[] = [];
  /** Every answer of this file, to check that no password and no password hash ever leaves the server. */
  const answers: string[] = [];

  const api = (path: string) => `${collector.url}/admin/api${path}`;
  const remember = (answer: TextResponse): TextResponse => {
    answers.push(answer.text);
    return answer;
  };
  const get = async (path: string) => remember(await request(api(path)));
  const post = async (path: string, body: unknown) => remember(await postJson(api(path), body));
  const postCsv = async (path: string, csv: string, contentType = 'text/csv') =>
    remember(await request(api(path), { method: 'POST', headers: { 'Content-Type': contentType }, body: csv }));
  const del = async (path: string) => remember(await request(api(path), { method: 'DELETE' }));
  const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });
  const addStudent = async (classId: string, username: string, password: string): Promise<StudentBody> => {
    const answer = await post(`/classes/${classId}/students`, { username, password });
    assert.equal(answer.status, 201, answer.text);
    return (answer.json as { student: StudentBody }).student;
  };
  const createClass = async (name: string): Promise<ClassBody> => {
    const answer = await post('/classes', { name });
    assert.equal(answer.status, 201, answer.text);
    return (answer.json as { class: ClassBody }).class;
  };
  const studentsOf = async (classId: string): Promise<StudentBody[]> => {
    const answer = await get(`/classes/${classId}/students`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { students: StudentBody[] }).students;
  };

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    collector = await startTestCollector({ logger: pino({ level: 'trace' }, sink) });
  });
  after(() => collector?.close());

  test('create a class: 201, listed with its counts, and offered to the activity form', async () => {
    const created = await createClass('  3B  ');
    assert.equal(created.name, '3B');
    assert.equal(created.students, 0);
    assert.equal(created.activities, 0);
    assert.ok(!Number.isNaN(Date.parse(created.created)));

    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.deepEqual(
      summary.classes.find((c) => c.id === created.id),
      created,
    );
    // The activity form's list keeps its shape: id and name only.
    const forForm = (await get('/classes')).json as { classes: Array<Record<string, unknown>> };
    assert.deepEqual(
      forForm.classes.find((c) => c.id === created.id),
      { id: created.id, name: '3B' },
    );
  });

  test('a second class with the same name, in any case, is refused with 409 class-exists; nothing is added', async () => {
    await createClass('Physics 4A');
    const countBefore = ((await get('/classes/summary')).json as { classes: ClassBody[] }).classes.length;
    const duplicate = await post('/classes', { name: 'physics 4a' });
    assert.equal(duplicate.status, 409);
    const { error } = duplicate.json as ErrorBody;
    assert.equal(error.reason, 'class-exists');
    assert.match(error.message, /already exists/);
    const empty = await post('/classes', { name: '   ' });
    assert.equal(empty.status, 400);
    assert.equal((empty.json as ErrorBody).error.reason, 'invalid-request');
    assert.equal(((await get('/classes/summary')).json as { classes: ClassBody[] }).classes.length, countBefore);
  });

  test('add a student: 201 without the password; listed in the class; the game can log in with it', async () => {
    const target = await createClass('Add 1');
    const password = PASSWORDS[0] as string;
    const added = await post(`/classes/${target.id}/students`, { username: 'Ana.Lopez', password, name: 'Ana López', role: 'assistant' });
    assert.equal(added.status, 201, added.text);
    const { student } = added.json as { student: StudentBody };
    assert.equal(student.username, 'ana.lopez', 'usernames are stored lower-case, as the CLI does');
    assert.equal(student.name, 'Ana López');
    assert.equal(student.role, 'assistant');
    assert.deepEqual(Object.keys(student).sort(), ['created', 'email', 'id', 'name', 'role', 'username']);

    assert.deepEqual(await studentsOf(target.id), [student]);
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    // An assistant is a member, not one of the class's students (as Live counts them).
    const counted = summary.classes.find((c) => c.id === target.id);
    assert.deepEqual([counted?.students, counted?.assistants, counted?.members], [0, 1, 1]);

    const loggedIn = await login('ana.lopez', password);
    assert.equal(loggedIn.status, 200, loggedIn.text);
    assert.equal((loggedIn.json as { user: { username: string } }).user.username, 'ana.lopez');
    assert.equal((await login('ana.lopez', 'not-the-password')).status, 401);
  });

  test("a student the server cannot create is refused with the server's reason, and nothing changes", async () => {
    const target = await createClass('Add 2');
    const ok = await post(`/classes/${target.id}/students`, { username: 'ben', password: PASSWORDS[1] });
    assert.equal(ok.status, 201, ok.text);

    const taken = await post(`/classes/${target.id}/students`, { username: 'BEN', password: PASSWORDS[2] });
    assert.equal(taken.status, 409);
    assert.equal((taken.json as ErrorBody).error.reason, 'student-exists');
    assert.match((taken.json as ErrorBody).error.message, /"ben" already exists/);

    const quote = 'has"quote';
    const badPassword = await post(`/classes/${target.id}/students`, { username: 'carla', password: quote });
    assert.equal(badPassword.status, 400);
    assert.equal((badPassword.json as ErrorBody).error.reason, 'invalid-student');
    assert.match((badPassword.json as ErrorBody).error.message, /password contains "/);
    assert.ok(!badPassword.text.includes(quote), 'the message does not repeat the password');

    const badName = await post(`/classes/${target.id}/students`, { username: 'carla lópez', password: PASSWORDS[3] });
    assert.equal(badName.status, 400);
    assert.match((badName.json as ErrorBody).error.message, /may only hold letters a-z/);

    const badRole = await post(`/classes/${target.id}/students`, { username: 'carla', password: PASSWORDS[3], role: 'principal' });
    assert.equal(badRole.status, 400);
    assert.equal((badRole.json as ErrorBody).error.reason, 'invalid-request');

    assert.deepEqual(
      (await studentsOf(target.id)).map((s) => s.username),
      ['ben'],
    );
    assert.equal((await login('ben', PASSWORDS[2] as string)).status, 401, 'the refused duplicate did not change the password');
  });

  test('import a roster CSV: all its students in the class, and each can log in', async () => {
    const target = await createClass('Import good');
    const csv = ['username;password;name', `dora;${PASSWORDS[1]};Dora Díaz`, `Eli;${PASSWORDS[2]}`, '', `fay;${PASSWORDS[3]};"Fay, the second"`].join('\r\n');
    const imported = await postCsv(`/classes/${target.id}/students/import`, csv);
    assert.equal(imported.status, 201, imported.text);
    const body = imported.json as { imported: number; students: StudentBody[] };
    assert.equal(body.imported, 3);
    assert.deepEqual(
      body.students.map((s) => [s.username, s.name, s.role]),
      [
        ['dora', 'Dora Díaz', 'student'],
        ['eli', null, 'student'],
        ['fay', 'Fay, the second', 'student'],
      ],
    );
    assert.deepEqual(await studentsOf(target.id), body.students);
    assert.equal((await login('eli', PASSWORDS[2] as string)).status, 200);
  });

  test('a roster with problems imports nothing and lists every problem by line', async () => {
    const target = await createClass('Import bad');
    await post(`/classes/${target.id}/students`, { username: 'gus', password: PASSWORDS[0] });
    const csv = [
      'username,password,name',
      `hana,${PASSWORDS[1]},Hana`, // fine on its own
      'ivan,,Ivan', // line 3: no password
      `gus,${PASSWORDS[2]}`, // line 4: exists already
      `jo jo,${PASSWORDS[3]}`, // line 5: a space in the username
      `hana,${PASSWORDS[4]}`, // line 6: twice in the file
      `kim,${PASSWORDS[4]},Kim,extra`, // line 7: too many columns
    ].join('\n');
    const refused = await postCsv(`/classes/${target.id}/students/import`, csv);
    assert.equal(refused.status, 400, refused.text);
    const { error } = refused.json as ErrorBody;
    assert.equal(error.reason, 'invalid-roster');
    assert.match(error.message, /Nothing was imported: 5 problems/);
    assert.deepEqual(
      error.problems?.map((p) => p.line),
      [3, 4, 5, 6, 7],
    );
    const byLine = new Map(error.problems?.map((p) => [p.line, p.message]));
    assert.match(byLine.get(3) ?? '', /password of "ivan" is missing/);
    assert.match(byLine.get(4) ?? '', /"gus" already exists/);
    assert.match(byLine.get(5) ?? '', /may only hold letters/);
    assert.match(byLine.get(6) ?? '', /appears twice \(first on line 2\)/);
    assert.match(byLine.get(7) ?? '', /expected username,password\[,name\]/);

    assert.deepEqual(
      (await studentsOf(target.id)).map((s) => s.username),
      ['gus'],
      'nothing was imported, not even the good lines',
    );
    assert.equal((await login('hana', PASSWORDS[1] as string)).status, 401);
  });

  test('an empty roster, a roster sent as JSON and an unknown class get clear refusals', async () => {
    const target = await createClass('Import edge');
    const empty = await postCsv(`/classes/${target.id}/students/import`, 'username,password\n\n');
    assert.equal(empty.status, 400);
    assert.equal((empty.json as ErrorBody).error.reason, 'empty-roster');

    const json = await post(`/classes/${target.id}/students/import`, { csv: 'a,b' });
    assert.equal(json.status, 415);
    assert.equal((json.json as ErrorBody).error.reason, 'unsupported-media-type');

    for (const answer of [
      await get('/classes/no-such-class/students'),
      await post('/classes/no-such-class/students', { username: 'zed', password: PASSWORDS[0] }),
      await postCsv('/classes/no-such-class/students/import', `zed,${PASSWORDS[0]}`),
    ]) {
      assert.equal(answer.status, 404, answer.text);
      assert.equal((answer.json as ErrorBody).error.reason, 'class-not-found');
    }
    assert.equal((await login('zed', PASSWORDS[0] as string)).status, 401);
  });

  test('another web page open in the teacher\'s browser cannot create classes or students (403 cross-site)', async () => {
    const target = await createClass('Cross-site');
    const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const forgedClass = remember(await postJson(api('/classes'), { name: 'Forged' }, evil));
    assert.equal(forgedClass.status, 403);
    assert.equal((forgedClass.json as ErrorBody).error.reason, 'cross-site');
    const forgedRoster = remember(
      await request(api(`/classes/${target.id}/students/import`), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', ...evil },
        body: `mallory,${PASSWORDS[4]}`,
      }),
    );
    assert.equal(forgedRoster.status, 403);
    const names = ((await get('/classes/summary')).json as { classes: ClassBody[] }).classes.map((c) => c.name);
    assert.ok(!names.includes('Forged'));
    assert.deepEqual(await studentsOf(target.id), []);
  });

  test('reset a password: 200 with the student; the old password is refused at login and the new one works', async () => {
    const target = await createClass('Reset 1');
    const [oldPassword, newPassword] = [PASSWORDS[5] as string, PASSWORDS[6] as string];
    const student = await addStudent(target.id, 'lia', oldPassword);
    assert.equal((await login('lia', oldPassword)).status, 200);

    const reset = await post(`/classes/${target.id}/students/${student.id}/password`, { password: newPassword });
    assert.equal(reset.status, 200, reset.text);
    assert.deepEqual((reset.json as { student: StudentBody }).student, student, 'the same student, and no password in the answer');

    const refusedOld = await login('lia', oldPassword);
    assert.equal(refusedOld.status, 401);
    assert.deepEqual(refusedOld.json, { message: 'Password or username are incorrect' });
    const loggedIn = await login('LIA', newPassword);
    assert.equal(loggedIn.status, 200, loggedIn.text);
    assert.equal((loggedIn.json as { user: { username: string } }).user.username, 'lia');
    assert.deepEqual(await studentsOf(target.id), [student], 'still in the class, unchanged');
  });

  test("a new password the server refuses, or a student not in that class, changes nothing and says why", async () => {
    const target = await createClass('Reset 2');
    const other = await createClass('Reset 2 other');
    const password = PASSWORDS[4] as string;
    const student = await addStudent(target.id, 'milo', password);
    const stranger = await addStudent(other.id, 'nora', PASSWORDS[3] as string);
    const reset = (classId: string, studentId: string, body: unknown) => post(`/classes/${classId}/students/${studentId}/password`, body);

    const quote = 'new"pass';
    const badPassword = await reset(target.id, student.id, { password: quote });
    assert.equal(badPassword.status, 400);
    assert.equal((badPassword.json as ErrorBody).error.reason, 'invalid-password');
    assert.match((badPassword.json as ErrorBody).error.message, /^The password contains "/);
    assert.ok(!badPassword.text.includes(quote), 'the message does not repeat the password');
    for (const [body, pattern] of [
      [{ password: '' }, /password is empty/],
      [{ password: ' padded ' }, /starts or ends with a space/],
    ] as const) {
      const refused = await reset(target.id, student.id, body);
      assert.equal(refused.status, 400, refused.text);
      assert.match((refused.json as ErrorBody).error.message, pattern);
    }
    const noBody = await reset(target.id, student.id, {});
    assert.equal(noBody.status, 400);
    assert.equal((noBody.json as ErrorBody).error.reason, 'invalid-request');

    const notMember = await reset(target.id, stranger.id, { password: 'Whatever-123' });
    assert.equal(notMember.status, 404);
    assert.equal((notMember.json as ErrorBody).error.reason, 'student-not-in-class');
    assert.match((notMember.json as ErrorBody).error.message, /not in class Reset 2/);
    assert.equal((await reset(target.id, 'no-such-student', { password: 'Whatever-123' })).status, 404);
    const noClass = await reset('no-such-class', student.id, { password: 'Whatever-123' });
    assert.equal(noClass.status, 404);
    assert.equal((noClass.json as ErrorBody).error.reason, 'class-not-found');

    assert.equal((await login('milo', password)).status, 200, 'the refused resets left the password as it was');
    assert.equal((await login('nora', 'Whatever-123')).status, 401, "another class's student was not changed");
  });

  test('remove a student from a class: no longer listed nor let into its class-only activity; the account and the data stay', async () => {
    const target = await createClass('Remove 1');
    const password = PASSWORDS[2] as string;
    const olga = await addStudent(target.id, 'olga', password);
    const pablo = await addStudent(target.id, 'pablo', PASSWORDS[1] as string);
    const created = await post('/activities', { name: 'Only Remove 1', classId: target.id, allowAnonymous: false });
    assert.equal(created.status, 201, created.text);
    const activity = (created.json as { activity: { id: string; trackingCode: string } }).activity;

    // While she is a member, olga plays: one session, one statement stored.
    const token = ((await login('olga', password)).json as { user: { token: string } }).user.token;
    const bearer = { Authorization: `Bearer ${token}` };
    const started = await start(collector.url, activity.trackingCode, { headers: bearer });
    assert.equal(started.status, 200, started.text);
    const session = started.json as StartAnswer;
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);

    const removed = await del(`/classes/${target.id}/students/${olga.id}`);
    assert.equal(removed.status, 200, removed.text);
    const body = removed.json as { class: ClassBody; students: StudentBody[] };
    assert.equal(body.class.id, target.id);
    assert.equal(body.class.students, 1);
    assert.equal(body.class.activities, 1);
    assert.deepEqual(body.students, [pablo]);
    assert.deepEqual(await studentsOf(target.id), [pablo]);
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.equal(summary.classes.find((c) => c.id === target.id)?.students, 1);

    // The class-only activity no longer lets her in, neither a new session nor the one already running.
    const again = await start(collector.url, activity.trackingCode, { headers: bearer });
    assert.equal(again.status, 401);
    assert.deepEqual(again.json, { message: 'Not authorized to join this activity' });
    const lateTrack = await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: 'a1e0c9b8-0000-4000-8000-000000000001' }]);
    assert.equal(lateTrack.status, 401, lateTrack.text);
    assert.deepEqual(lateTrack.json, { message: 'Not authorized to send traces to this activity' });

    // Her account and what she played stay: she can still log in, and her statement is still there, as hers.
    assert.equal((await login('olga', password)).status, 200);
    const statements = (await get(`/statements?activity=${activity.id}`)).json as {
      statements: Array<{ id: string; player: { username: string | null } | null }>;
    };
    assert.deepEqual(
      statements.statements.map((s) => [s.id, s.player?.username]),
      [['19de3bf2-6b7f-4399-a71b-da5f3674c8f8', 'olga']],
    );

    // Removing her again: 404, and nothing else changes.
    const twice = await del(`/classes/${target.id}/students/${olga.id}`);
    assert.equal(twice.status, 404);
    assert.equal((twice.json as ErrorBody).error.reason, 'student-not-in-class');
    const noClass = await del(`/classes/no-such-class/students/${pablo.id}`);
    assert.equal(noClass.status, 404);
    assert.equal((noClass.json as ErrorBody).error.reason, 'class-not-found');
    assert.deepEqual(await studentsOf(target.id), [pablo]);
  });

  test("another web page cannot reset a student's password or remove a student (403 cross-site)", async () => {
    const target = await createClass('Cross-site 2');
    const password = PASSWORDS[0] as string;
    const student = await addStudent(target.id, 'quim', password);
    const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const forgedReset = remember(await postJson(api(`/classes/${target.id}/students/${student.id}/password`), { password: 'Evil-Pass-666' }, evil));
    assert.equal(forgedReset.status, 403);
    const forgedRemove = remember(await request(api(`/classes/${target.id}/students/${student.id}`), { method: 'DELETE', headers: evil }));
    assert.equal(forgedRemove.status, 403);
    assert.equal((await login('quim', password)).status, 200);
    assert.equal((await login('quim', 'Evil-Pass-666')).status, 401);
    assert.deepEqual(await studentsOf(target.id), [student]);
  });

  test('put an existing student into another class: 201 with the class and its students; she can now play its class-only activity', async () => {
    const maths = await createClass('Join maths');
    const physics = await createClass('Join physics');
    const password = PASSWORDS[3] as string;
    const rita = await addStudent(maths.id, 'rita', password);
    const sam = await addStudent(physics.id, 'sam', PASSWORDS[4] as string);
    const created = await post('/activities', { name: 'Only Join physics', classId: physics.id, allowAnonymous: false });
    assert.equal(created.status, 201, created.text);
    const activity = (created.json as { activity: { trackingCode: string } }).activity;
    const token = ((await login('rita', password)).json as { user: { token: string } }).user.token;
    const bearer = { Authorization: `Bearer ${token}` };

    // Not yet in the class: the class-only activity refuses her.
    const before = await start(collector.url, activity.trackingCode, { headers: bearer });
    assert.equal(before.status, 401);

    // The suggestions: every account, with its classes, and no password hash.
    const all = (await get('/students')).json as { students: Array<{ id: string; username: string; classes: Array<{ name: string; role: string }> }> };
    assert.deepEqual(
      all.students.find((s) => s.username === 'rita')?.classes,
      [{ name: 'Join maths', role: 'student' }],
    );

    const joined = await post(`/classes/${physics.id}/members`, { username: ' RITA ', role: 'assistant' });
    assert.equal(joined.status, 201, joined.text);
    const body = joined.json as { class: ClassBody; students: StudentBody[] };
    assert.equal(body.class.id, physics.id);
    assert.deepEqual([body.class.students, body.class.assistants, body.class.members], [1, 1, 2]);
    assert.deepEqual(body.students, [{ ...rita, role: 'assistant' }, sam]);
    assert.deepEqual(await studentsOf(physics.id), body.students);
    assert.deepEqual(await studentsOf(maths.id), [rita], 'still in her first class, with her role there');
    const after = (await get('/students')).json as { students: Array<{ username: string; classes: Array<{ name: string; role: string }> }> };
    assert.deepEqual(
      after.students.find((s) => s.username === 'rita')?.classes,
      [
        { name: 'Join maths', role: 'student' },
        { name: 'Join physics', role: 'assistant' },
      ],
    );

    // Same account, same password, same login token: now the class-only activity lets her in.
    const started = await start(collector.url, activity.trackingCode, { headers: bearer });
    assert.equal(started.status, 200, started.text);
    const session = started.json as StartAnswer;
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
    assert.equal((await login('rita', password)).status, 200);
  });

  test('joining a class is refused for an unknown student (404), a member (409, role unchanged) and an unknown class; nothing changes', async () => {
    const target = await createClass('Join 2');
    const other = await createClass('Join 2 other');
    const tom = await addStudent(target.id, 'tom', PASSWORDS[5] as string);
    await addStudent(other.id, 'uma', PASSWORDS[6] as string);
    const join = (classId: string, body: unknown) => post(`/classes/${classId}/members`, body);

    const unknown = await join(target.id, { username: 'Nobody' });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.json as ErrorBody).error.reason, 'student-not-found');
    assert.match((unknown.json as ErrorBody).error.message, /no student "nobody"/);

    const member = await join(target.id, { username: 'tom', role: 'teacher' });
    assert.equal(member.status, 409);
    assert.equal((member.json as ErrorBody).error.reason, 'already-in-class');
    assert.match((member.json as ErrorBody).error.message, /tom is already in class Join 2 \(as student\)\. To change the role, remove tom from the class first/);

    const noClass = await join('no-such-class', { username: 'uma' });
    assert.equal(noClass.status, 404);
    assert.equal((noClass.json as ErrorBody).error.reason, 'class-not-found');
    for (const body of [{}, { username: '   ' }, { username: 'uma', role: 'principal' }]) {
      const refused = await join(target.id, body);
      assert.equal(refused.status, 400, refused.text);
      assert.equal((refused.json as ErrorBody).error.reason, 'invalid-request');
    }

    const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const forged = remember(await postJson(api(`/classes/${target.id}/members`), { username: 'uma' }, evil));
    assert.equal(forged.status, 403);

    assert.deepEqual(await studentsOf(target.id), [tom], 'no one joined and tom kept his role');
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.equal(summary.classes.find((c) => c.id === target.id)?.students, 1);
  });

  test('rename a class: 200 with the class; its students, its activities and their logins follow the new name', async () => {
    const target = await createClass('Rename 1');
    const password = PASSWORDS[1] as string;
    const vera = await addStudent(target.id, 'vera', password);
    const created = await post('/activities', { name: 'Only Rename 1', classId: target.id, allowAnonymous: false });
    assert.equal(created.status, 201, created.text);
    const activity = (created.json as { activity: { id: string; trackingCode: string } }).activity;

    const renamed = await post(`/classes/${target.id}/rename`, { name: '  Rename One  ' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.deepEqual((renamed.json as { class: ClassBody }).class, { ...target, name: 'Rename One', students: 1, members: 1, activities: 1 });
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.equal(summary.classes.find((c) => c.id === target.id)?.name, 'Rename One');
    assert.ok(!summary.classes.some((c) => c.name === 'Rename 1'), 'the old name is gone');
    assert.deepEqual(await studentsOf(target.id), [vera]);
    const shown = (await get(`/activities/${activity.id}`)).json as { activity: { classId: string; className: string } };
    assert.deepEqual([shown.activity.classId, shown.activity.className], [target.id, 'Rename One']);

    // The class-only activity still lets its student in: it references the class, not its name.
    const token = ((await login('vera', password)).json as { user: { token: string } }).user.token;
    const started = await start(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(started.status, 200, started.text);

    // Only the case changes: the same class, so no conflict with itself.
    const recased = await post(`/classes/${target.id}/rename`, { name: 'RENAME ONE' });
    assert.equal(recased.status, 200, recased.text);
    assert.equal((recased.json as { class: ClassBody }).class.name, 'RENAME ONE');
  });

  test('renaming to a name another class has, in any case, is refused (409 class-exists); an unknown class is 404; nothing changes', async () => {
    const first = await createClass('Rename 2a');
    const second = await createClass('Rename 2b');
    const taken = await post(`/classes/${second.id}/rename`, { name: 'rename 2A' });
    assert.equal(taken.status, 409, taken.text);
    assert.equal((taken.json as ErrorBody).error.reason, 'class-exists');
    assert.match((taken.json as ErrorBody).error.message, /A class named "Rename 2a" already exists/);
    const empty = await post(`/classes/${second.id}/rename`, { name: '  ' });
    assert.equal(empty.status, 400);
    assert.equal((empty.json as ErrorBody).error.reason, 'invalid-request');
    const unknown = await post('/classes/no-such-class/rename', { name: 'Rename 2c' });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.json as ErrorBody).error.reason, 'class-not-found');
    const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const forged = remember(await postJson(api(`/classes/${second.id}/rename`), { name: 'Forged name' }, evil));
    assert.equal(forged.status, 403);

    const names = ((await get('/classes/summary')).json as { classes: ClassBody[] }).classes
      .filter((c) => c.id === first.id || c.id === second.id)
      .map((c) => c.name);
    assert.deepEqual(names, ['Rename 2a', 'Rename 2b']);
  });

  test('a class that activities are linked to is not deleted (409 class-in-use, naming them); the class and its members stay', async () => {
    const target = await createClass('Delete 1');
    const wren = await addStudent(target.id, 'wren', PASSWORDS[2] as string);
    for (const name of ['Fractions Delete 1', 'Decimals Delete 1']) {
      const created = await post('/activities', { name, classId: target.id, allowAnonymous: false });
      assert.equal(created.status, 201, created.text);
    }
    const refused = await del(`/classes/${target.id}`);
    assert.equal(refused.status, 409, refused.text);
    const { error } = refused.json as { error: { reason: string; message: string; activities: Array<{ name: string; trackingCode: string }> } };
    assert.equal(error.reason, 'class-in-use');
    assert.match(error.message, /Class Delete 1 is not deleted: 2 activities "Fractions Delete 1", "Decimals Delete 1" are linked to it/);
    assert.match(error.message, /give them another class or none first/);
    assert.deepEqual(
      error.activities.map((a) => a.name),
      ['Fractions Delete 1', 'Decimals Delete 1'],
    );
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.deepEqual(
      summary.classes.find((c) => c.id === target.id),
      { ...target, students: 1, members: 1, activities: 2 },
    );
    assert.deepEqual(await studentsOf(target.id), [wren]);
  });

  test('delete a class without activities: 200; gone with its memberships, the accounts stay (in their other classes) and still log in', async () => {
    const doomed = await createClass('Delete 2');
    const other = await createClass('Delete 2 other');
    const xena = await addStudent(doomed.id, 'xena', PASSWORDS[3] as string);
    await addStudent(doomed.id, 'yuri', PASSWORDS[4] as string);
    assert.equal((await post(`/classes/${other.id}/members`, { username: 'xena' })).status, 201);

    const deleted = await del(`/classes/${doomed.id}`);
    assert.equal(deleted.status, 200, deleted.text);
    assert.deepEqual((deleted.json as { class: ClassBody }).class, { ...doomed, students: 2, members: 2 });
    const summary = (await get('/classes/summary')).json as { classes: ClassBody[] };
    assert.ok(!summary.classes.some((c) => c.id === doomed.id || c.name === 'Delete 2'), 'the class is gone');
    assert.equal((await get(`/classes/${doomed.id}/students`)).status, 404);
    assert.deepEqual(await studentsOf(other.id), [xena], 'still in the other class');

    const accounts = (await get('/students')).json as { students: Array<{ username: string; classes: Array<{ name: string }> }> };
    assert.deepEqual(
      accounts.students.filter((s) => s.username === 'xena' || s.username === 'yuri').map((s) => [s.username, s.classes.map((c) => c.name)]),
      [
        ['xena', ['Delete 2 other']],
        ['yuri', []],
      ],
    );
    assert.equal((await login('yuri', PASSWORDS[4] as string)).status, 200, 'the account stays');
    // The name is free again.
    await createClass('delete 2');

    const twice = await del(`/classes/${doomed.id}`);
    assert.equal(twice.status, 404);
    assert.equal((twice.json as ErrorBody).error.reason, 'class-not-found');
    const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    const forged = remember(await request(api(`/classes/${other.id}`), { method: 'DELETE', headers: evil }));
    assert.equal(forged.status, 403);
    assert.deepEqual(await studentsOf(other.id), [xena]);
  });

  test('an open dashboard hears every class and membership change over its event stream (changes.classes)', { timeout: 20_000 }, async () => {
    const stream = await openStream(`${collector.url}/admin/api/events`);
    try {
      const heard = (classId: string) => stream.until((events) => events.some((e) => e.event === 'changes' && (e.data.classes as string[] | undefined)?.includes(classId)));
      const target = await createClass('Live 1');
      await heard(target.id);
      const steps: Array<() => Promise<unknown>> = [
        () => addStudent(target.id, 'zara', PASSWORDS[5] as string),
        () => postCsv(`/classes/${target.id}/students/import`, `zeno,${PASSWORDS[6]}`),
        () => post(`/classes/${target.id}/rename`, { name: 'Live One' }),
        async () => {
          const zara = (await studentsOf(target.id)).find((s) => s.username === 'zara') as StudentBody;
          return del(`/classes/${target.id}/students/${zara.id}`);
        },
        () => post(`/classes/${target.id}/members`, { username: 'zara' }),
        () => del(`/classes/${target.id}`),
      ];
      for (const step of steps) {
        const before = stream.messages.length;
        await step();
        await stream.until((events) => events.slice(before).some((e) => e.event === 'changes' && (e.data.classes as string[] | undefined)?.includes(target.id)));
      }
      // A refused write announces nothing: the next announcement is the next real change.
      const before = stream.messages.length;
      assert.equal((await post('/classes', { name: 'Rename 2A' })).status, 409);
      const again = await createClass('live one');
      await stream.until((events) => events.slice(before).some((e) => e.event === 'changes' && e.data.classes !== undefined));
      const announced = stream.messages.slice(before).filter((e) => e.event === 'changes' && e.data.classes !== undefined);
      assert.deepEqual(
        announced.map((e) => e.data.classes),
        [[again.id]],
      );
    } finally {
      stream.close();
    }
  });

  test('creating an activity for a class announces the class (its activity count changed)', { timeout: 20_000 }, async () => {
    const stream = await openStream(`${collector.url}/admin/api/events`);
    try {
      const target = await createClass('Live 3');
      const before = stream.messages.length;
      const activity = await post('/activities', { name: 'Fractions Live 3', game: 'Math Quest', classId: target.id, allowAnonymous: false });
      assert.equal(activity.status, 201, activity.text);
      await stream.until((events) => events.slice(before).some((e) => e.event === 'changes' && (e.data.classes as string[] | undefined)?.includes(target.id)));
    } finally {
      stream.close();
    }
  });

  test('no password and no password hash is ever in an answer or in the log', async () => {
    assert.ok(answers.length > 20, 'the other tests ran first');
    const everything = [...answers, ...logLines].join('\n');
    for (const password of PASSWORDS) assert.ok(!everything.includes(password), 'a password leaked');
    assert.ok(!everything.includes('scrypt$'), 'a password hash leaked');
    assert.ok(!/passwordHash|password_hash/.test(everything));
    assert.ok(logLines.some((line) => line.includes('roster imported from the dashboard')), 'the log was captured');
    assert.ok(logLines.some((line) => line.includes('student password reset from the dashboard')), 'resets were logged');
  });
});
