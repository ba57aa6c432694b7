import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDataFolder } from '../support/data-folder.js';
import { aula, aulaWithInput, ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('aula activity and stats', () => {
  it('creates, lists, closes and reopens an activity; --json prints the contract fields', async () => {
    const dataDir = tempDir();
    const created = JSON.parse(
      await aula(['activity', 'create', '--name', 'Maths 3B', '--game', 'Fractions', '--no-anonymous', '--closed', '--json', '--data-dir', dataDir]),
    );
    assert.equal(created.name, 'Maths 3B');
    assert.equal(created.game, 'Fractions');
    assert.equal(created.allowAnonymous, false);
    assert.equal(created.open, false);
    assert.match(created.trackingCode, /^[a-z0-9]+$/);
    assert.equal(typeof created.id, 'string');

    await aula(['activity', 'open', created.trackingCode, '--data-dir', dataDir]);
    const listed = JSON.parse(await aula(['activity', 'list', '--json', '--data-dir', dataDir]));
    assert.equal(listed.length, 1);
    assert.equal(listed[0].open, true);
    assert.equal(listed[0].trackingCode, created.trackingCode);

    const closed = await aula(['activity', 'close', created.trackingCode, '--data-dir', dataDir]);
    assert.match(closed, /is now closed/);
    const text = await aula(['activity', 'list', '--data-dir', dataDir]);
    assert.match(text, new RegExp(`tracking code: +${created.trackingCode}`));
    assert.match(text, /state: +closed/);
  });

  it('aula activity edit renames, moves to a class or none and lets anonymous players in or not; without a change or with an unknown class it changes nothing', async () => {
    const dataDir = tempDir();
    await aula(['class', 'create', '--name', '4B', '--data-dir', dataDir]);
    const created = JSON.parse(await aula(['activity', 'create', '--name', 'Fractons', '--no-anonymous', '--json', '--data-dir', dataDir]));
    const code = created.trackingCode;

    const moved = JSON.parse(await aula(['activity', 'edit', code, '--name', 'Fractions 4B', '--class', '4B', '--anonymous', '--json', '--data-dir', dataDir]));
    assert.deepEqual(
      { name: moved.name, className: moved.className, allowAnonymous: moved.allowAnonymous, trackingCode: moved.trackingCode, id: moved.id },
      { name: 'Fractions 4B', className: '4B', allowAnonymous: true, trackingCode: code, id: created.id },
    );
    const text = await aula(['activity', 'edit', code, '--no-class', '--no-anonymous', '--data-dir', dataDir]);
    assert.match(text, /Changed activity Fractions 4B/);
    assert.match(text, /anonymous players: not allowed/);
    assert.doesNotMatch(text, /class:/);

    const refusals: Array<[string[], RegExp]> = [
      [[], /Say what to change: --name, --class NAME, --no-class, --anonymous or --no-anonymous/],
      [['--class', '9Z', '--name', 'Renamed'], /No class named "9Z"/],
      // Contradictions are refused, whichever comes last (the last one used to win).
      [['--no-anonymous', '--anonymous'], /option '--anonymous' cannot be used with option '--no-anonymous'/],
      [['--no-class', '--class', '4B', '--name', 'Renamed'], /option '--class' cannot be used with option '--no-class'/],
      [['--class', '4B', '--no-class'], /option '--class' cannot be used with option '--no-class'/],
    ];
    for (const [flags, message] of refusals) {
      await assert.rejects(aula(['activity', 'edit', code, ...flags, '--data-dir', dataDir]), (error: Error & { stderr: string; code: number }) => {
        assert.match(error.stderr, message);
        assert.equal(error.code, 1);
        return true;
      });
    }
    const [after] = JSON.parse(await aula(['activity', 'list', '--json', '--data-dir', dataDir]));
    assert.deepEqual({ name: after.name, classId: after.classId, allowAnonymous: after.allowAnonymous }, { name: 'Fractions 4B', classId: null, allowAnonymous: false });
  });

  it('aula activity delete: shows what it would do without --yes, deletes an unplayed activity with it, refuses one with data', async () => {
    const dataDir = tempDir();
    const created = JSON.parse(await aula(['activity', 'create', '--name', 'Try-out', '--json', '--data-dir', dataDir]));
    await assert.rejects(aula(['activity', 'delete', created.trackingCode, '--data-dir', dataDir]), (error: Error & { stdout: string; stderr: string; code: number }) => {
      assert.match(error.stdout, /Would delete activity Try-out \([a-z0-9]+\): no game has played it\./);
      assert.match(error.stderr, /Nothing deleted\. Run again with --yes/);
      assert.equal(error.code, 1);
      return true;
    });
    assert.equal(JSON.parse(await aula(['activity', 'list', '--json', '--data-dir', dataDir])).length, 1, 'nothing deleted');
    const deleted = await aula(['activity', 'delete', created.trackingCode, '--yes', '--data-dir', dataDir]);
    assert.match(deleted, new RegExp(`Deleted activity Try-out; its tracking code ${created.trackingCode} no longer works`));
    assert.deepEqual(JSON.parse(await aula(['activity', 'list', '--json', '--data-dir', dataDir])), []);
  });

  it('reads the data folder from AULA_DATA_DIR when --data-dir is absent', async () => {
    const dataDir = tempDir();
    await aula(['activity', 'create', '--name', 'From env'], { AULA_DATA_DIR: dataDir });
    const stats = JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir]));
    assert.deepEqual(stats, {
      statements: 0,
      sessions: 0,
      players: { anonymous: 0, identified: 0, xapi: 0 },
      activities: [{ trackingCode: stats.activities[0].trackingCode, name: 'From env', statements: 0, sessions: 0, players: 0 }],
    });
  });

  it('bad input gets a clear error and a non-zero exit', async () => {
    const dataDir = tempDataFolder();
    await assert.rejects(aula(['activity', 'close', 'nope', '--data-dir', dataDir]), (error: Error & { stderr: string; code: number }) => {
      assert.match(error.stderr, /No activity with tracking code "nope"/);
      assert.equal(error.code, 1);
      return true;
    });
    await assert.rejects(aula(['activity', 'create', '--data-dir', dataDir]), /required option '--name <name>'/);
    await assert.rejects(aula(['serve', '--port', 'abc', '--data-dir', dataDir]), /--port must be a number/);
  });

  it('aula teacher-key prints the same key until --regenerate replaces it', async () => {
    const dataDir = tempDataFolder();
    const first = JSON.parse(await aula(['teacher-key', '--json', '--data-dir', dataDir]));
    assert.match(first.teacherKey, /^[a-z0-9-]{20,}$/);
    assert.equal(first.regenerated, false);
    const again = JSON.parse(await aula(['teacher-key', '--json', '--data-dir', dataDir]));
    assert.equal(again.teacherKey, first.teacherKey);
    const text = await aula(['teacher-key', '--regenerate', '--data-dir', dataDir]);
    const fresh = text.split('\n')[0];
    assert.notEqual(fresh, first.teacherKey);
    assert.match(text, /no longer work/);
    assert.equal(JSON.parse(await aula(['teacher-key', '--json', '--data-dir', dataDir])).teacherKey, fresh);
  });
});

describe('the data folder', () => {
  const noDatabase = (folder: string, why: string) =>
    new RegExp(`^aula: No Aula database in ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${why}\\)\\. Choose the data folder with --data-dir DIR or the AULA_DATA_DIR environment variable; aula serve or aula activity create sets up a new one\\.\\n$`);

  it('commands that use existing data refuse a folder without an Aula database, say where they looked, and create nothing', async () => {
    const typo = path.join(tempDir(), 'typo1');
    const empty = tempDir();
    const commands = [
      ['stats'],
      ['export', '--format', 'csv'],
      ['activity', 'list'],
      ['activity', 'edit', 'k7m2qx9a', '--name', 'New name'],
      ['activity', 'close', 'k7m2qx9a'],
      ['class', 'list'],
      ['student', 'password', 'ana', '--password', 'sol-y-luna'],
      ['teacher-key'],
      ['player', 'erase', 'some-player', '--yes'],
      ['upload', '--endpoint', 'http://127.0.0.1:9/xapi', '--username', 'key', '--password', 'secret'],
    ];
    // Two at a time: each is a process of its own.
    for (let i = 0; i < commands.length; i += 2) {
      await Promise.all(
        commands.slice(i, i + 2).map(async (command) => {
          const answer = await aulaWithInput([...command, '--data-dir', typo]);
          assert.equal(answer.code, 1, command.join(' '));
          assert.match(answer.stderr, noDatabase(typo, 'given with --data-dir; the folder does not exist'), command.join(' '));
          assert.equal(answer.stdout, '', command.join(' '));
        }),
      );
    }
    assert.equal(fs.existsSync(typo), false, 'the mistyped folder was not created');

    const inEmpty = await aulaWithInput(['stats', '--json', '--data-dir', empty]);
    assert.deepEqual([inEmpty.code, inEmpty.stdout], [1, '']);
    assert.match(inEmpty.stderr, noDatabase(empty, 'given with --data-dir; no aula.sqlite in it'));
    assert.deepEqual(fs.readdirSync(empty), [], 'nothing was created in the existing folder');

    await assert.rejects(aula(['activity', 'list'], { AULA_DATA_DIR: typo }), (error: Error & { stderr: string; code: number }) => {
      assert.match(error.stderr, noDatabase(typo, 'from AULA_DATA_DIR; the folder does not exist'));
      assert.equal(error.code, 1);
      return true;
    });
    assert.equal(fs.existsSync(typo), false);
  });

  it('a file given as data folder is refused with one line, by every command, serve included', async () => {
    const readme = path.join(ROOT, 'README.md');
    const before = fs.readFileSync(readme);
    for (const command of [['stats'], ['class', 'create', '--name', '3B'], ['serve', '--port', '0', '--host', '127.0.0.1']]) {
      const answer = await aulaWithInput([...command, '--data-dir', 'README.md']);
      assert.equal(answer.code, 1, command.join(' '));
      assert.match(answer.stderr, /^aula: \/\S+\/README\.md is a file, not a data folder( \(given with --data-dir\))?\. Choose the data folder with --data-dir DIR or the AULA_DATA_DIR environment variable\.\n$/);
    }
    const inside = await aulaWithInput(['activity', 'create', '--name', 'X', '--data-dir', 'README.md/data']);
    assert.equal(inside.code, 1);
    assert.match(inside.stderr, /^aula: \/\S+\/README\.md\/data cannot be a data folder: \/\S+\/README\.md is a file \(given with --data-dir\)\./);
    assert.deepEqual(fs.readFileSync(readme), before);
  });

  it('commands that set a lesson up create a new data folder and say so; one that fails there leaves nothing behind', async () => {
    const fresh = path.join(tempDir(), 'new laptop', 'Aula');
    const failed = await aulaWithInput(['student', 'add', 'ana', '--password', 'sol-y-luna', '--class', '3B', '--data-dir', fresh]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /No class named "3B"/);
    assert.match(failed.stderr, /held no Aula database; none was set up there/);
    assert.equal(fs.existsSync(path.dirname(fresh)), false, 'no folder and no database left after the refusal');

    const created = await aulaWithInput(['class', 'create', '--name', '3B', '--data-dir', fresh]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created class 3B/);
    assert.equal(created.stderr, `aula: set up a new data folder in ${fresh} (another one: --data-dir DIR or AULA_DATA_DIR)\n`);
    const added = await aulaWithInput(['student', 'add', 'ana', '--password', 'sol-y-luna', '--class', '3B', '--data-dir', fresh]);
    assert.deepEqual([added.code, added.stderr], [0, ''], 'the folder is there now: no second notice');
    const stats = JSON.parse(await aula(['stats', '--json', '--data-dir', fresh]));
    assert.equal(stats.statements, 0);
  });
});

describe('aula upload --password-stdin', () => {
  it('reads the LRS secret from standard input, so it stays out of the shell history and the process list', async () => {
    // Just enough of an LRS to check the credentials: /about answers only the right Basic auth.
    const expected = `Basic ${Buffer.from('key:s3cret with spaces').toString('base64')}`;
    const server = http.createServer((req, res) => {
      const allowed = req.headers.authorization === expected;
      res.writeHead(allowed ? 200 : 401, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
      res.end(JSON.stringify(allowed ? { version: ['1.0.3'] } : { message: 'Unauthorized' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`;
      const dataDir = tempDir();
      await aula(['activity', 'create', '--name', 'Upload lesson', '--data-dir', dataDir]);
      const upload = ['upload', '--endpoint', endpoint, '--username', 'key', '--password-stdin', '--data-dir', dataDir];
      const right = await aulaWithInput(upload, 's3cret with spaces\n');
      assert.equal(right.code, 0, right.stderr);
      assert.match(right.stderr, /Sent 0, already there 0, conflicts 0, rejected 0\./);
      const wrong = await aulaWithInput(upload, 'not it\n');
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /401/);
      const both = await aulaWithInput([...upload, '--password', 'x']);
      assert.equal(both.code, 1);
      assert.match(both.stderr, /Give either --password or --password-stdin, not both\./);
      const none = await aulaWithInput(['upload', '--endpoint', endpoint, '--username', 'key', '--data-dir', dataDir]);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /The LRS secret is needed: --password SECRET, or --password-stdin to read it from standard input\./);
    } finally {
      server.close();
    }
  });
});
