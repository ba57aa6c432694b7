import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AUTOMATIC_BACKUPS_KEPT } from '../../server/store/backups.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

// An automatic backup that the rotation replaces goes as `aula backup delete` deletes one: overwritten, then removed.
// It may hold a student erased since it was made, and a plain rm left those bytes readable in the disk's free blocks.
test('the backup rotated out by a newer automatic backup has its bytes overwritten before it goes', async () => {
  let clock = Date.parse('2026-11-27T09:00:00.000Z');
  const collector = await startTestCollector({ now: () => clock });
  const activity = makeActivity(collector.context.db, { name: 'Fractions' });
  const ana = await startOk(collector.url, activity.trackingCode);
  const tracked = await track(collector.url, ana.authToken, [
    {
      actor: ana.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: `${ana.objectId}/level/1`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
      timestamp: '2026-11-27T09:00:00.000Z',
    },
  ]);
  assert.equal(tracked.status, 200, tracked.text);
  const backUp = async () => {
    clock += 60_000;
    const made = await adminApi(collector.url, '/backups', {});
    assert.equal(made.status, 201, made.text);
    return (made.json as { backup: { name: string } }).backup.name;
  };

  const oldest = await backUp();
  const folder = path.join(collector.config.dataDir, 'backups');
  assert.ok(fs.readFileSync(path.join(folder, oldest)).includes(ana.playerId), 'the oldest backup holds the player');
  // A second name for the same bytes (and an open descriptor) show what is left on the disk once the file is gone.
  const sameBytes = path.join(collector.config.dataDir, 'same-bytes');
  fs.linkSync(path.join(folder, oldest), sameBytes);
  const open = fs.openSync(path.join(folder, oldest), 'r');
  try {
    for (let i = 1; i < AUTOMATIC_BACKUPS_KEPT; i++) await backUp();
    assert.ok(fs.existsSync(path.join(folder, oldest)), `${AUTOMATIC_BACKUPS_KEPT} backups are kept`);

    const newest = await backUp();
    const kept = fs.readdirSync(folder).sort();
    assert.equal(kept.length, AUTOMATIC_BACKUPS_KEPT);
    assert.ok(kept.includes(newest) && !kept.includes(oldest), 'the oldest went');
    const left = fs.readFileSync(sameBytes);
    assert.ok(left.length > 0 && left.every((byte) => byte === 0), 'the rotated-out backup was overwritten with zeros before it went');
    const read = Buffer.alloc(16);
    fs.readSync(open, read, 0, read.length, 0);
    assert.notEqual(read.toString('latin1'), 'SQLite format 3\0', 'a program holding it open reads no database any more');
  } finally {
    fs.closeSync(open);
  }
  const newestKept = fs.readdirSync(folder).sort().at(-1) ?? '';
  assert.ok(fs.readFileSync(path.join(folder, newestKept)).includes(ana.playerId), 'the kept backups are whole');
});
