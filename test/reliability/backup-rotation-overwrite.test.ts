import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AUTOMATIC_BACKUPS_KEPT } from '../../server/store/backups.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

/** A collector with one player's statement stored, and a way to make the next automatic backup a minute later. */
async function classroom() {
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
  return { collector, ana, backUp, folder: path.join(collector.config.dataDir, 'backups') };
}

// An automatic backup that the rotation replaces goes as `aula backup delete` deletes one: overwritten, then removed.
// It may hold a student erased since it was made, and a plain rm left those bytes readable in the disk's free blocks.
test('the backup rotated out by a newer automatic backup has its bytes overwritten before it goes', async () => {
  const { collector, ana, backUp, folder } = await classroom();
  const oldest = await backUp();
  assert.ok(fs.readFileSync(path.join(folder, oldest)).includes(ana.playerId), 'the oldest backup holds the player');
  // An open descriptor shows what is left on the disk once the file is gone.
  const open = fs.openSync(path.join(folder, oldest), 'r');
  try {
    for (let i = 1; i < AUTOMATIC_BACKUPS_KEPT; i++) await backUp();
    assert.ok(fs.existsSync(path.join(folder, oldest)), `${AUTOMATIC_BACKUPS_KEPT} backups are kept`);

    const newest = await backUp();
    const kept = fs.readdirSync(folder).sort();
    assert.equal(kept.length, AUTOMATIC_BACKUPS_KEPT);
    assert.ok(kept.includes(newest) && !kept.includes(oldest), 'the oldest went');
    const left = Buffer.alloc(fs.fstatSync(open).size);
    fs.readSync(open, left, 0, left.length, 0);
    assert.ok(left.length > 0 && left.every((byte) => byte === 0), 'the rotated-out backup was overwritten with zeros before it went');
  } finally {
    fs.closeSync(open);
  }
  const newestKept = fs.readdirSync(folder).sort().at(-1) ?? '';
  assert.ok(fs.readFileSync(path.join(folder, newestKept)).includes(ana.playerId), 'the kept backups are whole');
  await collector.close();
});

// Backup tools such as Back In Time or rsync --link-dest keep an unchanged file of the data folder as another name of
// the same bytes. Removing the rotated-out backup frees none of them, so overwriting them erased nothing from the disk
// and only destroyed IT's copy.
test('a rotated-out backup that has another name (a backup tool\'s hard link) is removed from backups/, and the other copy stays whole', async () => {
  const { collector, ana, backUp, folder } = await classroom();
  const oldest = await backUp();
  const snapshot = path.join(collector.config.dataDir, 'snapshot-of-oldest.sqlite');
  fs.linkSync(path.join(folder, oldest), snapshot);
  for (let i = 0; i < AUTOMATIC_BACKUPS_KEPT; i++) await backUp();
  assert.ok(!fs.readdirSync(folder).includes(oldest), 'the oldest went from backups/');
  const copy = fs.readFileSync(snapshot);
  assert.equal(copy.subarray(0, 16).toString('latin1'), 'SQLite format 3\0', 'the other copy is still a database');
  assert.ok(copy.includes(ana.playerId), 'and still holds what it held');
  await collector.close();
});
