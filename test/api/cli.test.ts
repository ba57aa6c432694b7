import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aula } from '../support/serve-process.js';
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
      players: { anonymous: 0, identified: 0 },
      activities: [{ trackingCode: stats.activities[0].trackingCode, name: 'From env', statements: 0, sessions: 0, players: 0 }],
    });
  });

  it('bad input gets a clear error and a non-zero exit', async () => {
    const dataDir = tempDir();
    await assert.rejects(aula(['activity', 'close', 'nope', '--data-dir', dataDir]), (error: Error & { stderr: string; code: number }) => {
      assert.match(error.stderr, /No activity with tracking code "nope"/);
      assert.equal(error.code, 1);
      return true;
    });
    await assert.rejects(aula(['activity', 'create', '--data-dir', dataDir]), /required option '--name <name>'/);
    await assert.rejects(aula(['serve', '--port', 'abc', '--data-dir', dataDir]), /--port must be a number/);
  });

  it('aula teacher-key prints the same key until --regenerate replaces it', async () => {
    const dataDir = tempDir();
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
